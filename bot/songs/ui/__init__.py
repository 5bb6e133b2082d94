"""The Discord layer of songs: `/song`, its views, and how jobs are shown in channels."""
