"""The report: tables, charts, sentences, office prose, Indonesian formatting, and the notebooks' facade."""
