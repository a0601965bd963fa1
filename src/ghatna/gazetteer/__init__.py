"""The actor dictionary and place gazetteer: loading, date-bounded offices, phrase matching."""
