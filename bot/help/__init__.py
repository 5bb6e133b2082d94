"""`/help`: one private page per capability (songs, quotas, jams, moderators), with buttons to switch."""
