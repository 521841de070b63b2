"""Built-in site adapters, one module per site (listed in ``registry.BUILTIN_ADAPTERS``)."""
