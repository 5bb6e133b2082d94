"""The Discord layer of moderation: `/songadmin`, `/quota`, the song gate, views and the mod log."""
