"""`docs/glossary.yml`: `data.py` checks it, `page.py` writes the glossary page, `terms.py` marks terms on pages."""
