"""Publication: the main build, the Excel annex, notebook execution, the HTML preview and Quarto."""
