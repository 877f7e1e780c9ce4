"""
Runs the reference hbichat client, which insists on a terminal, headless in a pseudo-terminal: types
each COMMAND once the client shows its prompt again (and has printed nothing more for a moment), then
Ctrl-D, and prints what the terminal showed, without terminal control sequences.

Usage: python3 hbichat_client_in_pty.py HOST:PORT COMMAND...
Needs HBI_REFERENCE_PEERS (the folder of run_module.py) and PYTHONPATH as for run_module.py; the client
keeps its files in ./chat-client-files. Exit status: the client's, or 3 if it stopped answering.
"""
import os
import pty
import re
import select
import signal
import sys
import time

STEP_TIMEOUT = 20.0  # seconds for one command to come back to the prompt
QUIET = 0.3  # seconds without output after the prompt before the next command is typed
CONTROL = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|\r")
PROMPT = re.compile(rb"#[^\n#]*: $")  # nick@host:port#room:


def main():
    address, commands = sys.argv[1], sys.argv[2:]
    run_module = os.path.join(os.environ["HBI_REFERENCE_PEERS"], "run_module.py")
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "dumb"
        os.execvp(sys.executable, [sys.executable, run_module, "hbichat.cmd.client", address])
    shown = bytearray()
    ok = True
    for command in commands + ["\x04"]:
        start = len(shown)
        if not await_prompt(fd, shown, start):
            sys.stderr.write(f"no prompt came back before typing {command!r}\n")
            ok = False
            break
        os.write(fd, command.encode() + (b"" if command == "\x04" else b"\r"))
    drain(fd, shown, STEP_TIMEOUT)
    status = wait(pid, STEP_TIMEOUT)
    sys.stdout.write(CONTROL.sub(b"", bytes(shown)).decode("utf-8", "replace"))
    if status is None:
        sys.stderr.write("the client did not end after Ctrl-D\n")
    sys.exit(status if ok and status is not None else 3)


def await_prompt(fd, shown, start):
    """Reads until what came since start ends with a prompt and nothing more comes for a moment."""
    deadline = time.monotonic() + STEP_TIMEOUT
    while time.monotonic() < deadline:
        came = read(fd, shown, QUIET)
        if came is None:
            return False
        if not came and PROMPT.search(CONTROL.sub(b"", bytes(shown[start:]))):
            return True
    return False


def read(fd, shown, timeout):
    """Reads what is there within timeout: True if something came, False if nothing, None at the end."""
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return False
    try:
        chunk = os.read(fd, 65536)
    except OSError:  # EIO: the client has exited and the terminal is gone
        return None
    if not chunk:
        return None
    shown.extend(chunk)
    return True


def wait(pid, timeout):
    """Returns the client's exit status, or None after killing it if it does not end in time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return None


def drain(fd, shown, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and read(fd, shown, deadline - time.monotonic()) is not None:
        pass


if __name__ == "__main__":
    main()
