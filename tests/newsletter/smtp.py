"""A real SMTP server (aiosmtpd) in a thread, for the newsletter's delivery tests and benchmark.

It keeps every message it accepts, and can refuse addresses: ``refuse[address] = (code, times)``
answers RCPT with ``code`` the next ``times`` times (450: try later; 550: no such user);
``refuse_data`` does the same at the end of the mail's DATA (after the final dot), as a server
whose content checks refuse it. ``on_data(envelope)``, if set, runs in a thread of its own when
the final dot arrives, before the answer. ``down()``/``up()`` stop and start it on the same port,
as a mail server that goes away.
"""

import asyncio
import email
import email.policy
import socket
import threading

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Handler:
    def __init__(self):
        self.messages: list[email.message.Message] = []
        self.refuse: dict[str, tuple[int, int]] = {}
        self.refuse_data: dict[str, tuple[int, int]] = {}
        self.on_data = None
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.lock:
            code, times = self.refuse.get(address, (250, 0))
            if times:
                self.refuse[address] = (code, times - 1)
                return f"{code} {'4.2.1 Mailbox busy, try later' if code < 500 else '5.1.1 No such user'}"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.on_data:
            await asyncio.to_thread(self.on_data, envelope)
        with self.lock:
            (address,) = envelope.rcpt_tos
            code, times = self.refuse_data.get(address, (250, 0))
            if times:
                self.refuse_data[address] = (code, times - 1)
                return f"{code} {'4.7.1 Try again later' if code < 500 else '5.7.1 Message refused'}"
            self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted for delivery"


class SMTPServer:
    def __init__(self):
        self.handler = Handler()
        self.port = free_port()
        self.controller = None

    @property
    def messages(self):
        return self.handler.messages

    def up(self):
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def down(self):
        self.controller.stop()
        self.controller = None

    def recipients(self) -> list[str]:
        return [str(message["To"]) for message in self.messages]
