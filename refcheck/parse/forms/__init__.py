"""One module per reference style the grammar reads."""
