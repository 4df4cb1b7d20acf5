"""Browser tests: the built site, served on 127.0.0.1, in Debian's Chromium."""
