"""A snapshot of the public API: changing it must be a visible, deliberate act."""

import articlekit

EXPECTED_ALL = [
    "AdapterError", "AdapterNotFoundError", "AdapterRegistry", "Article", "ArticleKitError",
    "BinaryInputError", "Block", "DateValue", "DuplicateAdapterError", "Embed",
    "EmptyInputError", "Evidence", "FieldSource", "Figure", "Heading", "Image", "ImageRef",
    "InputError", "InputTooLargeError", "InputTypeError", "InvalidOptionError", "Layout",
    "LimitExceededError", "ListBlock", "Metadata", "NodeInfo", "Paragraph", "ParseOptions",
    "Person", "PersonRef", "Provenance", "Quote", "ScoringConfig", "SiteAdapter",
    "SourceKind", "Span", "Table", "TextRules", "TextScoringConfig", "Token", "TokenKind",
    "TokenStream", "Warning", "__version__", "adapters", "metadata", "parse", "tokenize",
]  # fmt: skip


def test_public_api_all_is_stable() -> None:
    assert sorted(articlekit.__all__) == sorted(EXPECTED_ALL)


def test_public_api_every_name_exists() -> None:
    for name in articlekit.__all__:
        assert hasattr(articlekit, name), name


def test_public_api_errors_share_one_base() -> None:
    for name in articlekit.__all__:
        obj = getattr(articlekit, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, articlekit.ArticleKitError), name
            assert obj.code, name
