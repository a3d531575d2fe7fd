"""GET /healthz for a load balancer's health check in webhook mode: 200 with the served index (documents,
passages, when it was last (re)loaded, uptime) as JSON, 503 while no index is loaded.

PTB's run_webhook serves the webhook from a tornado server of its own, with no public way to add a route to
it; this is a second, tiny tornado server (tornado comes with PTB's webhooks extra) on its own port, started
on the bot's event loop in post_init and stopped in post_shutdown. It reads only the Service, so it can
neither see nor change an update.

Usage::

    application.bot_data.health_address = ("0.0.0.0", 8444)    # before run_webhook; post_init starts it
    server = start_health_server(lambda: service, "127.0.0.1", 8444)     # or directly, on a running loop
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime

import tornado.httpserver
import tornado.web

from pressbot.bot.core.service import Service

log = logging.getLogger(__name__)
PATH = "/healthz"


def health_report(service: Service | None, started: float, now: float | None = None) -> tuple[int, dict[str, object]]:
    """(HTTP status, body): 200 and the served index's figures, or 503 while there is no index to serve."""
    now = time.time() if now is None else now
    uptime = round(now - started, 1)
    if service is None or not service.index.documents:
        return 503, {"status": "no index loaded", "uptime_seconds": uptime}
    served = service.served
    return 200, {"status": "ok", "documents": len(served.index.documents), "passages": len(served.index),
                 "last_reload": datetime.fromtimestamp(served.at, UTC).isoformat(timespec="seconds"),
                 "uptime_seconds": uptime}


class HealthHandler(tornado.web.RequestHandler):
    def initialize(self, service: Callable[[], Service | None], started: float) -> None:
        self.service, self.started = service, started

    def get(self) -> None:
        status, body = health_report(self.service(), self.started)
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(body))


def start_health_server(service: Callable[[], Service | None], listen: str, port: int) -> tornado.httpserver.HTTPServer:
    """Serve GET /healthz on listen:port from the running event loop (other paths: 404)."""
    app = tornado.web.Application([(PATH, HealthHandler, {"service": service, "started": time.time()})],
                                  log_function=lambda handler: None)  # no access log: nothing personal, no noise
    server = tornado.httpserver.HTTPServer(app)
    server.listen(port, listen)
    log.info("health check at http://%s:%d%s", listen, port, PATH)
    return server
