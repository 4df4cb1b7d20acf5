"""The milestones of 2012-2020, from docs/timeline.yml.

data.py reads and checks the file, render.py turns it into HTML, citations.py links `[cite:key]`,
and markdown.py puts all of it on the pages.
"""
