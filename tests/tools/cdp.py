"""A small Chrome DevTools Protocol client for headless Chromium (Debian's), over python3-websocket.

Starts Chromium with its own profile and no network services, connects to the browser's DevTools
socket, opens one page and drives it. Every wait is for a condition, with a generous deadline:
nothing sleeps and hopes.
"""
import base64
import json
import os
import shutil
import subprocess
import time

import websocket  # python3-websocket (Debian)


class CdpError(RuntimeError):
    pass


FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--mute-audio", "--remote-debugging-port=0"]


class Browser:
    def __init__(self, profile_dir, width=1400, height=900, timeout=60, prefix=()):
        """`prefix`: a command Chromium runs under, such as ("nice", "-n", "-10") for a benchmark."""
        self.timeout = timeout
        chromium = shutil.which("chromium") or "/usr/bin/chromium"
        self.process = subprocess.Popen(
            [*prefix, chromium, *FLAGS, "--user-data-dir=" + profile_dir, "--window-size=%d,%d" % (width, height),
             "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Chromium writes the port it chose and the browser socket's path once it listens.
        port_file = os.path.join(profile_dir, "DevToolsActivePort")
        lines = self._until(lambda: _read_lines(port_file), "Chromium's DevToolsActivePort", timeout)
        self.socket = websocket.create_connection("ws://127.0.0.1:%s%s" % (lines[0], lines[1]), timeout=timeout,
                                                  suppress_origin=True)
        self.next_id = 0
        self.events = []  # (method, params) of every event of the page's session, in order
        self.session = None
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 session=False)["sessionId"]
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def _until(self, probe, what, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = probe()
            if value:
                return value
            if self.process.poll() is not None:
                raise CdpError("Chromium exited (%s) before %s" % (self.process.returncode, what))
            time.sleep(0.05)
        raise CdpError("timed out after %s s waiting for %s" % (timeout, what))

    def call(self, method, params=None, session=True):
        """Sends a command and returns its result; events that arrive meanwhile are kept."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        self.socket.send(json.dumps(message))
        while True:
            reply = json.loads(self.socket.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise CdpError("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})
            if "method" in reply and reply.get("sessionId") == self.session:
                self.events.append((reply["method"], reply.get("params", {})))

    def evaluate(self, expression):
        """The value of a JavaScript expression in the page (awaited if it is a promise)."""
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            raise CdpError("evaluating %r: %s" % (expression[:200], result["exceptionDetails"]))
        return result["result"].get("value")

    def wait_for(self, expression, what, timeout=None):
        """Evaluates `expression` until it is truthy; returns that value. An evaluation that fails
        (the page is still being replaced by the next one) counts as not yet."""
        def probe():
            try:
                return self.evaluate(expression)
            except CdpError:
                return None
        return self._until(probe, what, timeout or self.timeout)

    def click_at(self, x, y):
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left",
                                                    "buttons": 1 if kind == "mousePressed" else 0,
                                                    "clickCount": 1})

    def centre_of(self, expression):
        """The centre of the element `expression` evaluates to, in viewport pixels, after scrolling
        it into view."""
        box = self.evaluate("(() => { const e = %s; if (!e) return null; e.scrollIntoView({block: 'center'}); "
                            "const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()"
                            % expression)
        if not box:
            raise CdpError("no element for " + expression)
        return box

    def click(self, expression):
        x, y = self.centre_of(expression)
        self.click_at(x, y)

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.socket.close()
        except Exception:
            pass
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _read_lines(path):
    try:
        with open(path) as f:
            lines = f.read().split("\n")
        return lines if len(lines) >= 2 and lines[0] and lines[1] else None
    except FileNotFoundError:
        return None
