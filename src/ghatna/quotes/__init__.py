"""Direct quotations: quotation marks, the words that attribute them, and their speakers."""
