"""The running bot has one publisher and one pacer: songs, job cards, jam posts and the mod log share
Discord's global request budget instead of each taking DISCORD_REQUESTS_PER_SECOND for itself."""

import gc

from bot.core.pacer import Pacer
from bot.core.publisher import DiscordPublisher
from tests.support.live_bot import live_world


async def test_the_running_bot_has_exactly_one_publisher_and_one_pacer(tmp_path):
    async with live_world(tmp_path) as world, world.running() as bot:
        await world.make_song(world.fake.add_member(world.guild, "alice"))
        gc.collect()
        publishers = [o for o in gc.get_objects() if isinstance(o, DiscordPublisher)]
        pacers = [o for o in gc.get_objects() if isinstance(o, Pacer)]
        assert publishers == [bot.publisher]
        assert pacers == [bot.publisher.pacer]
        assert bot.engine.publisher.publisher is bot.publisher  # the songs' presenter
        assert bot.get_cog("Jams").publisher is bot.publisher

