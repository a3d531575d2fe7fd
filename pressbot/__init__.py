"""pressbot: a Telegram bot that answers questions from an agency's press releases, citing each source.

One installed name, so that nothing collides with other packages (PyPI has a `responses`, and `bot` and
`retrieval` are common names). The owner's folders stay at the repository's root and are this package's
subpackages through the links in this folder (`pressbot/bot -> ../bot`, …): Python, mypy, pytest and the
wheel all see the same `pressbot.*` tree, with no import hook.

- `pressbot.retrieval`: press releases in, ranked passages out (the INTERFACE.md Python API).
- `pressbot.responses`: hits in, cited answers out.
- `pressbot.bot`: the front ends: `core` (the service both share), `telegram` (the PTB adapter), `cli`.

Usage::

    from pressbot.retrieval import Document, Index
    hits = Index.build([Document(id="d1", title="Visa", text="An e-visa takes three days.")]).search("e-visa")
"""
