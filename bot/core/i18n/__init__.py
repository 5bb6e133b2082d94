"""Localisation: every text a member sees comes from a Fluent message catalogue.

Why Fluent (`fluent.runtime`, with Babel underneath) rather than gettext: a Fluent message carries
its own plural and select logic (`{ $count -> [one] ... *[other] ... }`) per language, so Japanese
needs no forms and Spanish or Portuguese get CLDR's `one`/`many`/`other` without the code knowing;
numbers format per locale through Babel (`{ $count }` is `1.234` in es-ES); and a message may have
attributes (`.description`), which fits a command's name plus its description. gettext's plurals
are a C expression per catalogue and its keys are the English sentences themselves, which makes a
changed English text a silently lost translation; Fluent keys are stable ids that tests can check.

Layout: `bot/locales/<locale>/<capability>.ftl`, one file per capability in every shipped locale
(`en` is the source; `es-ES`, `pt-BR`, `ja`): `core.ftl` (shared texts, errors), `songs.ftl`,
`moderation.ftl`, `jams.ftl`, `help.ftl`. Each capability's file holds both its messages and its
slash-command texts. The files ship inside the `bot` package (package data in pyproject.toml).

How a capability adds a message (the migration of every string is mechanical from here):
1. Add `<capability>-<what> = English text with { $placeholders }` to `bot/locales/en/<capability>.ftl`,
   and the same id, with the same placeholders and full plural selectors, to es-ES, pt-BR and ja
   (tests/core/test_i18n_catalogue.py fails until every locale has it).
2. In the code, `translate(locale, "<capability>-<what>", name=..., count=...)` with the locale
   from `private_locale(interaction)` for an ephemeral reply, or `await public_locale(...)` for a
   post everyone sees (a card, a jam announcement): `public_locale(moderation.store, guild_id,
   interaction.guild_locale)`, or the stored guild's `preferred_locale` when no interaction is at hand.
3. Pass ids and other non-quantities as `str` (a Fluent number is grouped: `1.234`); pass times as
   Unix seconds and write `{ DISCORD_TIME($at, style: "R") }`: Discord renders the timestamp in
   each reader's own language and time zone. A date printed as text (a file, a CSV note) is an aware
   datetime arg with `{ DATETIME($day, dateStyle: "long") }` (Babel: "30 de noviembre de 2026").
4. A pure layer (rules, text functions, a refusal exception) that cannot know the reader returns
   or raises a `Message` (bot/core/i18n/message.py: a key and its args; an arg may itself be a
   `Message`), which the Discord layer renders with `message.render(locale)`. A reason stored in the
   database (a job's public failure reason) is stored as its key, and rendered when shown.
5. A long text gets a test that renders it in every shipped locale within Discord's 2,000
   characters (as tests/test_help_text.py does for the /help pages). tests/core/test_i18n_limits.py
   also renders every message of every file with long arguments derived from its placeholders.
6. Helpers that take a `Message`: `reply_privately(interaction, message)` (bot/core/interactions.py)
   writes it in the member's language; a `UserFacingError` carries one (`exc.render(locale)`;
   `str(exc)` is English, for logs); `NotModerator(message(...))` reaches the member through the
   error handler. A list of names reads naturally with `spoken_list(names, locale)` (lists.py),
   and a list cut to one message says "…and N more" in `locale` with `fit(lines, locale=locale)`.

Slash commands: `CatalogueTranslator` (bot/core/i18n/commands.py) reads `cmd-<qualified-name>` (the
name, `.description`), `cmd-<qualified-name>--<option>` and `choice-<english-choice-slug>`; see there.
"""

from bot.core.i18n.catalogue import Catalogue, catalogue, translate
from bot.core.i18n.choice import GuildLanguages, private_locale, public_locale
from bot.core.i18n.locales import DEFAULT_LOCALE, SHIPPED_LOCALES, resolve_locale
from bot.core.i18n.message import Message, message

__all__ = [
    "DEFAULT_LOCALE", "SHIPPED_LOCALES", "Catalogue", "GuildLanguages", "Message", "catalogue", "message",
    "private_locale", "public_locale", "resolve_locale", "translate",
]
