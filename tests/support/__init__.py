"""Helpers for the tests: building the site, reading fences, the browser; no tests here."""
