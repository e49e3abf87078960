"""Export layouts recognised by their content, made into the shape the readers read."""
