"""Record what a page does while it loads: requests, errors, CSP violations.

One recording per page is shared by the tests that read it (status, console,
requests, policy violations), so each page is loaded once for all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

# Runs in the page before any of its own scripts (evaluated by the DevTools
# protocol, so the page's own CSP does not block it).
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__reportCspViolation(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline code"}` +
    (event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : "")
  );
});
"""


@dataclass
class Recording:
    url: str
    status: int | None = None
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)

    def foreign_requests(self, origin: str) -> list[str]:
        """Requests to anything but `origin` (data: and blob: URLs never leave the page)."""
        return [
            url for url in self.requests if urlsplit(url).scheme not in ("data", "blob") and not url.startswith(origin)
        ]


def record(context, page, url: str) -> Recording:
    """Attach listeners to `page` (and its context, for workers) and load `url` until the network is idle."""
    recording = Recording(url)

    def on_response(response):
        if response.status >= 400:
            recording.failed_requests.append(f"{response.url} (HTTP {response.status})")

    def on_console(message):
        if message.type == "error":
            recording.console_errors.append(f"{message.text} at {message.location.get('url', '?')}")

    context.on("request", lambda request: recording.requests.append(request.url))
    context.on("requestfailed", lambda request: recording.failed_requests.append(f"{request.url} ({request.failure})"))
    context.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda error: recording.console_errors.append(f"uncaught {error.name}: {error.message}"))
    page.expose_function("__reportCspViolation", lambda text: recording.csp_violations.append(text))
    page.add_init_script(REPORT_CSP_VIOLATIONS)
    response = page.goto(url, wait_until="networkidle")
    recording.status = response.status if response else None
    return recording
