"""The Gradio web app: small modules with one job each, assembled by ``app.build_app``.

- ``render``: escaping, and answers/sources/context as safe Markdown or HTML
- ``messages``: the one place where errors become user-facing text
- ``personas``: personas and their example questions
- ``conversation``: the per-session chat state and its conversion to ``Turn``s
- ``api``: the documented ``/ask`` endpoint
- ``charts``: the indicator table and its matplotlib charts
- ``exports``: conversation and reply-draft exports (.md, .docx)
- ``feedback``: 👍/👎 appended to a JSONL file
- ``uploads``: saving uploaded files safely under ``<corpus>/uploads/``
- ``app``: ``build_app`` and ``launch_app``
"""
