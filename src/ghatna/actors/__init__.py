"""Finding actors: dictionary matching resolved by date, shared by the languages (tagger.py), and
names the dictionary does not know (names.py). A language adds its word order (lang/<code>/)."""
