"""The web server: textual-serve's page and websocket, behind the class's door.

Every browser tab gets its own app process (textual-serve's AppService), started
with the teacher's fixed command and the student's name from the join form.
Nothing else is served: no downloads, no other paths.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from quiz.web import gate
from quiz.web.command import ClassRun, app_argv, shell_command
from quiz.web.roster import Roster

SEAT_COOKIE = "quiz_seat"
WRONG_CODES_PER_MINUTE = 10
ROSTER_POLL_S = 1.0

log = logging.getLogger("quiz.web")


@dataclass
class Door:
    """Who may enter: the join code (None: anyone on this machine) and the seats handed out."""

    code: str | None
    seats: dict[str, str] = field(default_factory=dict)  # seat token -> student name
    _misses: dict[str, list[float]] = field(default_factory=dict)

    def student(self, request: web.Request) -> str | None:
        """The name behind this browser's seat cookie, if it joined."""
        return self.seats.get(request.cookies.get(SEAT_COOKIE, ""))

    def too_many_misses(self, who: str, now: float) -> bool:
        """Whether `who` has typed too many wrong codes in the last minute."""
        recent = [t for t in self._misses.get(who, []) if now - t < 60]
        self._misses[who] = recent
        return len(recent) >= WRONG_CODES_PER_MINUTE

    def missed(self, who: str, now: float) -> None:
        self._misses.setdefault(who, []).append(now)


class ClassServer(Server):
    """textual-serve's Server, serving one fixed quiz to students who came through the door."""

    def __init__(
        self,
        run: ClassRun,
        *,
        host: str,
        port: int,
        door: Door,
        title: str,
        total: int | None,
        say: Callable[[str], None],
        started: datetime,
    ) -> None:
        super().__init__(command="quiz", host=host, port=port, title=title)
        self.run = run
        self.door = door
        self.total = total
        self.say = say
        self.started = started
        self._roster_task: asyncio.Task[None] | None = None

    def initialize_logging(self) -> None:
        """Warnings only, as plain lines: the teacher's terminal shows the roster."""
        logging.basicConfig(level=logging.WARNING, format="%(message)s", stream=sys.stderr)

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/join", self.handle_join_form, name="join"),
                web.post("/join", self.handle_join),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """Only the join form and the page's static files are open to a student without a seat."""
        path = request.path
        if path.startswith("/static/") or path == "/join" or self.door.student(request):
            return await handler(request)
        if path == "/":
            raise web.HTTPFound("join")
        raise web.HTTPForbidden(text="Join the class first.")

    async def handle_join_form(self, request: web.Request) -> web.Response:
        return self._join_page()

    async def handle_join(self, request: web.Request) -> web.StreamResponse:
        form = await request.post()
        who = request.remote or "?"
        now = time.monotonic()
        typed_name = str(form.get("name", ""))[: gate.NAME_MAX * 4]
        if self.door.too_many_misses(who, now):
            return self._join_page("Too many wrong codes: wait a minute.", typed_name, status=429)
        if not gate.code_matches(str(form.get("code", "")), self.door.code):
            self.door.missed(who, now)
            return self._join_page("That join code is not right.", typed_name, status=403)
        name = gate.clean_name(typed_name)
        if name is None:
            return self._join_page(
                f"Type your name (up to {gate.NAME_MAX} letters, no special characters).",
                typed_name,
                status=400,
            )
        seat = gate.new_seat()
        self.door.seats[seat] = name
        response = web.HTTPSeeOther("./")
        response.set_cookie(SEAT_COOKIE, seat, httponly=True, samesite="Strict")
        raise response

    def _join_page(self, error: str = "", name: str = "", status: int = 200) -> web.Response:
        page = gate.join_page(
            self.title, needs_code=self.door.code is not None, error=error, name=name
        )
        return web.Response(text=page, content_type="text/html", status=status)

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """The terminal page, with URLs built from the address the student used."""
        base = f"{request.scheme}://{request.host}"
        ws_scheme = "wss" if request.scheme == "https" else "ws"
        return {
            "font_size": 16,
            "app_websocket_url": f"{ws_scheme}://{request.host}/ws",
            "config": {"static": {"url": f"{base}/static/"}},
            "application": {"name": self.title},
        }

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One student's app: started on connect, told to quit when the tab goes."""
        student = self.door.student(request)
        websocket = web.WebSocketResponse(heartbeat=15)
        if student is None:  # the guard lets no such request through; kept as a backstop
            raise web.HTTPForbidden(text="Join the class first.")
        width = _size(request.query.get("width"), 80)
        height = _size(request.query.get("height"), 24)
        service: AppService | None = None
        try:
            await websocket.prepare(request)
            service = AppService(
                shell_command(app_argv(self.run, student)),
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=lambda: _close(websocket),
                download_manager=self.download_manager,
            )
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception:
            log.exception("a student's connection failed")
        finally:
            if service is not None:
                # Quitting lets the app write the student's results before it exits.
                await service.stop()
        return websocket

    async def on_startup(self, app: web.Application) -> None:
        roster = Roster(self.run.progress, self.started, self.total, self.say)
        self._roster_task = asyncio.create_task(_keep_polling(roster))

    async def on_shutdown(self, app: web.Application) -> None:
        if self._roster_task is not None:
            self._roster_task.cancel()


async def _keep_polling(roster: Roster) -> None:
    while True:
        try:
            roster.poll()
        except Exception:  # a roster hiccup must never stop the class
            log.warning("could not read the class's progress this time")
        await asyncio.sleep(ROSTER_POLL_S)


async def _close(websocket: web.WebSocketResponse) -> None:
    await websocket.close()


def _size(text: str | None, default: int) -> int:
    try:
        return max(10, min(int(text or default), 500))
    except ValueError:
        return default


def static_root() -> Path:
    """Where textual-serve keeps the page's scripts and fonts."""
    import textual_serve

    return Path(textual_serve.__file__).parent / "static"
