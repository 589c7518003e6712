#!/usr/bin/python3
"""An SMTP sink for the tests: accepts every message and writes it, as received, to DIR/<recipient's domain>/<n>.eml.

    /usr/bin/python3 tests/tools/smtp_sink.py --host 127.0.0.1 --port 2525 --dir /tmp/mail

One folder per recipient domain lets tests running in parallel count only their own messages (each test mails its
own domain). A file appears complete or not at all: it is written under a temporary name and renamed. Debian's
python3-aiosmtpd; no authentication, no TLS (the app is configured with Mail:Smtp:Security=None). Stops on SIGTERM.
"""
import argparse
import os
import re
import signal
import threading
import time
import uuid

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, root):
        self.root = root

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content or envelope.content
        for rcpt in envelope.rcpt_tos:
            domain = re.sub(r"[^a-z0-9.-]", "_", rcpt.rsplit("@", 1)[-1].lower()) or "_"
            folder = os.path.join(self.root, domain)
            os.makedirs(folder, exist_ok=True)
            name = f"{time.time_ns()}-{uuid.uuid4().hex}.eml"
            temporary = os.path.join(folder, "." + name + ".tmp")
            with open(temporary, "wb") as f:
                f.write(content)
            os.replace(temporary, os.path.join(folder, name))
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    controller = Controller(Sink(args.dir), hostname=args.host, port=args.port)
    controller.start()
    print(f"smtp_sink: listening on {args.host}:{args.port}, writing to {args.dir}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
