#!/usr/bin/env python3
"""A stand-in for Twilio's Messages API for benchmarks: accepts every create (Basic auth checked),
records when each arrived, and serves the record at GET /received as JSON lines.

    python3 bench/fake_twilio.py --port 18900
"""
import argparse
import base64
import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ACCOUNT_SID = "AC00000000000000000000000000000001"
AUTH_TOKEN = "bench-twilio-auth-token"

lock = threading.Lock()
received = []
sent = [0]  # every message's number, never reset: Twilio never gives two messages one SID


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _send(self, status, body, content_type="application/json"):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path.startswith("/received"):
            with lock:
                lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in received)
            self._send(200, lines, "application/x-ndjson")
        elif self.path.startswith("/reset"):
            with lock:
                received.clear()
            self._send(200, "{}")
        else:
            self._send(404, '{"code":20404,"status":404}')

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        expected = "Basic " + base64.b64encode(f"{ACCOUNT_SID}:{AUTH_TOKEN}".encode()).decode()
        if self.headers.get("Authorization") != expected:
            self._send(401, '{"code":20003,"status":401}')
            return
        at = time.time()
        with lock:
            sent[0] += 1
            n = sent[0]
            received.append({"at": at, "to": form.get("To", [""])[0], "body": form.get("Body", [""])[0]})
        sid = "SM%032x" % n
        self._send(201, json.dumps({"sid": sid, "status": "queued", "to": form.get("To", [""])[0],
                                    "body": form.get("Body", [""])[0], "account_sid": ACCOUNT_SID}))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=18900)
    port = parser.parse_args().port
    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
