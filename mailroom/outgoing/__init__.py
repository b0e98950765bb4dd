"""Outgoing mail (output management): offices' letters leave by each recipient's lawful,
preferred channel, with proof of delivery and the date notice is deemed given."""
