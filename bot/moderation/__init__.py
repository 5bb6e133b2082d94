"""Moderation: quotas, tiers, credits, bans, song channels, blocked words, rights and the audit log."""
