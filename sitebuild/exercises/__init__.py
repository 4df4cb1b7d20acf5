"""The exercises at the end of lecture pages: data files (data.py), solutions run at build time
(solutions.py and runner.py), their HTML (render.py) and the page step (markdown.py)."""
