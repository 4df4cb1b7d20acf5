"""The site's own build steps. `schedule.py` shows which step runs on which page, in what order."""
