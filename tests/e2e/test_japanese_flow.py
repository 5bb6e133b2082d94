"""One whole song flow in Japanese: a Japanese member in a server whose moderators chose Japanese."""

import asyncio
import os
import re
from pathlib import Path

from fakes.audio import make_mp3
from fakes.music_api import TaskBehaviour
from tests.e2e.harness import card_text, running_stack

MANAGE_GUILD = 1 << 5
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def labels(message) -> list[str]:
    return [button["label"] for row in message.components for button in row["components"]]


def japanese(text: str) -> bool:
    return bool(JAPANESE.search(text))


async def test_a_whole_song_flow_in_japanese(tmp_path):
    mods = []
    transcript: list[str] = []
    async with running_stack(tmp_path, prepare=lambda s: mods.append(
            s.discord.add_member(s.guild, "mod", permissions=MANAGE_GUILD, locale="ja"))) as stack:
        [mod] = mods
        chosen = await stack.discord.slash_command(user=mod, channel=stack.channel, name="songadmin settings language",
                                                   options={"language": "ja"})
        said = (await chosen.wait_response()).data["content"]
        assert japanese(said), said
        transcript.append(f"/songadmin settings language → {said}")

        sakura = stack.discord.add_member(stack.guild, "sakura", locale="ja")
        ix = await stack.discord.slash_command(user=sakura, channel=stack.channel, name="song create")
        modal = await ix.wait_response()
        form = [f"{label['label']} ({label.get('description', '')})" for label in modal.data["components"]]
        assert modal.data["title"] == "曲を作る" and all(japanese(line) for line in form)
        transcript.append(f"form: {modal.data['title']}: " + " / ".join(form))
        await asyncio.sleep(0.05)
        stack.api.on_next_task(TaskBehaviour(generating_s=2.0))
        submit = await stack.discord.submit_modal(
            modal, values={"lyrics": "夜の海を走る\n星が落ちる", "title": "夜の海"},
            files={"reference": stack.attach("ref.mp3", make_mp3(20.0))})
        carry_on = await stack.confirm_rights_if_asked(sakura, submit)
        queued = (await carry_on.wait_followups(1, timeout=10))[0]
        assert queued.ephemeral and japanese(queued.content)
        transcript.append(f"reply (private): {queued.content}")

        card = await stack.wait_submitted(1)
        text = card_text(card)
        assert japanese(text) and all(japanese(label) for label in labels(card)), text
        transcript.append("card: " + text.replace("\n", " | ") + f" [buttons: {', '.join(labels(card))}]")

        song = await stack.wait_delivered(1)
        embed = song.embeds[0]
        assert japanese(song.content) and all(japanese(label) for label in labels(song)), song.content
        assert {a.filename.rsplit(".", 1)[1] for a in song.attachments} == {"mp3", "png"}
        fields = "; ".join(f"{field['name']}: {field['value']}" for field in embed["fields"])
        transcript.append(f"song post: {song.content} | {embed['title']} | {embed['description']} | {fields} | "
                          f"{embed['footer']['text']} [buttons: {', '.join(labels(song))}] "
                          f"[files: {', '.join(a.filename for a in song.attachments)}]")
        assert stack.cards(1)[0].deleted, "the card is removed once the song is posted"

        status = await stack.discord.slash_command(user=sakura, channel=stack.channel, name="song status",
                                                   options={"job": 1})
        details = (await status.wait_response()).data["content"]
        assert japanese(details)
        transcript.append("/song status (private): " + details.replace("\n", " | "))

        stack.api.on_next_task(TaskBehaviour(outcome="error", error_message="GPU out of memory"))
        await stack.create_song(sakura, "二曲目", stack.attach("ref.mp3", make_mp3(20.0)))
        failed = await stack.wait_row(2, lambda row: row["state"] == "failed" and row["member_notified"])
        assert failed
        card = stack.cards(2)[0]
        assert japanese(card_text(card)) and "GPU" not in card_text(card)
        transcript.append("failed card: " + card_text(card).replace("\n", " | "))
        dm = await stack.discord.wait_for_dm(sakura, lambda m: "GPU" in m.content, timeout=10)
        assert japanese(dm.content)
        transcript.append("DM (private): " + dm.content.replace("\n", " | "))
    if os.environ.get("SONGJAM_TRANSCRIPT"):  # what the closing note of issue 14 quotes
        Path(os.environ["SONGJAM_TRANSCRIPT"]).write_text("\n".join(transcript) + "\n", encoding="utf-8")
