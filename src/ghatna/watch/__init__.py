"""``ghatna watch``: keep a store current from RSS and Atom feeds — fetch new items' pages, read
the article in each, code it and store it, remembering every feed and item in the store so that
restarts neither lose nor repeat anything (docs/watch.md).

``feeds`` reads the feed list and feeds, ``fetch`` does HTTP, ``state`` keeps the feeds' and items'
rows, ``items`` does one item, ``loop`` runs passes, ``command`` is what the CLI calls.
"""
