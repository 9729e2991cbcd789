"""A small STOMP 1.2 over WebSocket subscriber (Python standard library only) for the two-instance
benchmark: connects with a bearer token, subscribes, and records when each MESSAGE arrives on a
reader thread. Not a load tool (bench/fanout/ is the fan-out benchmark)."""
import base64
import os
import socket
import struct
import threading
import time


class StompSubscriber:

    def __init__(self, host, port, token, destination, name=""):
        self.name = name or f"{host}:{port}"
        self.messages = []  # (arrival time, headers, body)
        self.errors = []
        self._sock = socket.create_connection((host, port), timeout=10)
        key = base64.b64encode(os.urandom(16)).decode()
        self._sock.sendall((f"GET /ws/stomp HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                            f"Sec-WebSocket-Protocol: v12.stomp\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self._sock.recv(1)
            if not chunk:
                raise ConnectionError("closed during the WebSocket handshake")
            head += chunk
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise ConnectionError("no WebSocket upgrade: " + head.decode(errors="replace"))
        self._buffer = b""
        self._send(f"CONNECT\naccept-version:1.2\nhost:civicdesk\nheart-beat:0,0\nAuthorization:Bearer {token}\n\n\0")
        frame = self._frame()
        if not frame.startswith("CONNECTED"):
            raise ConnectionError("STOMP CONNECT refused: " + frame[:300])
        self._send(f"SUBSCRIBE\nid:s1\ndestination:{destination}\nack:auto\nreceipt:r1\n\n\0")
        while True:
            frame = self._frame()
            if frame.startswith("RECEIPT"):
                break
            if frame.startswith("ERROR"):
                raise ConnectionError("SUBSCRIBE refused: " + frame[:300])
        self._sock.settimeout(None)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _send(self, text):
        data = text.encode()
        mask = os.urandom(4)
        n = len(data)
        header = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n)
                                  if n < 65536 else bytes([0x80 | 127]) + struct.pack(">Q", n))
        self._sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _exactly(self, n):
        while len(self._buffer) < n:
            chunk = self._sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed")
            self._buffer += chunk
        out, self._buffer = self._buffer[:n], self._buffer[n:]
        return out

    def _frame(self):
        """The next STOMP frame (one or more WebSocket messages; heart-beat newlines skipped)."""
        payload = b""
        while True:
            b0, b1 = self._exactly(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._exactly(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._exactly(8))[0]
            data = self._exactly(n)
            opcode = b0 & 0x0F
            if opcode == 8:
                raise ConnectionError("WebSocket closed by the server")
            if opcode in (9, 10):
                continue
            payload += data
            if b0 & 0x80 and payload.strip(b"\n\r"):
                return payload.lstrip(b"\n\r").decode()
            if b0 & 0x80:
                payload = b""

    def _read(self):
        try:
            while True:
                frame = self._frame()
                at = time.time()
                head, _, body = frame.partition("\n\n")
                lines = head.split("\n")
                if lines[0] == "MESSAGE":
                    headers = dict(line.split(":", 1) for line in lines[1:] if ":" in line)
                    self.messages.append((at, headers, body.rstrip("\0")))
                elif lines[0] == "ERROR":
                    self.errors.append(frame)
        except (ConnectionError, OSError) as e:
            self.errors.append(str(e))

    def first(self, needle):
        """Arrival time of the first MESSAGE whose body contains needle, or None."""
        for at, _, body in self.messages:
            if needle in body:
                return at
        return None

    def close(self):
        try:
            self._send("DISCONNECT\n\n\0")
            self._sock.close()
        except OSError:
            pass
