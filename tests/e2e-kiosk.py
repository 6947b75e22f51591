#!/usr/bin/python3
# e2e-kiosk.py
#
# Copyright 2026 The Góc Trẻ Em authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the real goc-tre-em --kiosk window as a visitor would, through the
# accessibility tree (AT-SPI) and real X input: tap a topic tile, open an article,
# type "duoi nuoc" on the on-screen keyboard, open a result, open the hotline
# screen, then wait out the idle reset; then start it on a store that cannot be
# read. Speaks TAP.
#
# It starts its own X server (a stale AT-SPI bus address on an old display breaks
# AT-SPI) and its own D-Bus session, whose services may not write to our TAP output.

import ctypes
import gettext
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

BUILD = os.environ["KIOSK_BUILD_ROOT"]
IDLE_SECONDS = 30   # the settings schema's minimum
COUNTDOWN_SECONDS = 10
PLANNED = 16

vi = gettext.translation("goc-tre-em", localedir=os.path.join(BUILD, "po"),
                         languages=["vi"], fallback=True)
_ = vi.gettext

results = []


def report(ok, name, detail=""):
    results.append(ok)
    line = f"{'ok' if ok else 'not ok'} {len(results)} {name}"
    print(line + (f" # {detail}" if detail and not ok else ""), flush=True)


# Children end with this script, however it ends: an Xvfb, bus or kiosk left
# behind would keep the test runner waiting on our output until its timeout.
def dies_with_us():
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def start_x():
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0",
                             "1366x768x24", "-nolisten", "tcp"],
                            pass_fds=[write_fd], stderr=subprocess.DEVNULL,
                            preexec_fn=dies_with_us)
    os.close(write_fd)
    display = b""
    while not display.endswith(b"\n"):
        chunk = os.read(read_fd, 16)
        if not chunk:
            raise RuntimeError("Xvfb did not start")
        display += chunk
    os.close(read_fd)
    return xvfb, ":" + display.decode().strip()


def start_dbus():
    read_fd, write_fd = os.pipe()
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork",
                               f"--print-address={write_fd}"],
                              pass_fds=[write_fd], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, preexec_fn=dies_with_us)
    os.close(write_fd)
    address = b""
    while not address.endswith(b"\n"):
        chunk = os.read(read_fd, 256)
        if not chunk:
            raise RuntimeError("dbus-daemon did not start")
        address += chunk
    os.close(read_fd)
    return daemon, address.decode().strip()


def app_env(home, display):
    config = os.path.join(home, "config")
    keyfile_dir = os.path.join(config, "glib-2.0", "settings")
    os.makedirs(keyfile_dir)
    with open(os.path.join(keyfile_dir, "keyfile"), "w") as keyfile:
        keyfile.write(f"[org/goctreem/Kiosk]\nidle-timeout=uint32 {IDLE_SECONDS}\n")
    env = dict(os.environ,
               DISPLAY=display,
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=config,
               XDG_CACHE_HOME=os.path.join(home, "cache"),
               GSETTINGS_BACKEND="keyfile",
               GSETTINGS_SCHEMA_DIR=os.path.join(BUILD, "data"),
               GOC_TRE_EM_BUNDLED_DIR=os.path.join(BUILD, "data", "content"),
               GOC_TRE_EM_LOCALEDIR=os.path.join(BUILD, "po"),
               GSK_RENDERER="cairo")
    for name in ("LANGUAGE", "GTK_A11Y", "NO_AT_BRIDGE", "G_DEBUG"):
        env.pop(name, None)
    return env


def start_app(home, display):
    env = app_env(home, display)
    # A kiosk that has been set up: without PINs it would open on the first-run wizard.
    subprocess.run([os.path.join(BUILD, "app", "goc-tre-em"), "--set-pins"], env=env,
                   input=b"246810\n1357\n", stdout=subprocess.DEVNULL, check=True)
    return start_kiosk(env)


def start_kiosk(env):
    return subprocess.Popen([os.path.join(BUILD, "app", "goc-tre-em"), "--kiosk"], env=env,
                            stdout=subprocess.DEVNULL, preexec_fn=dies_with_us)


def extents(acc):
    try:
        return acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except Exception:
        return None


# GTK 4.8 sets no SHOWING state; a widget on a hidden screen has an empty box.
def showing(acc):
    try:
        if not acc.getState().contains(pyatspi.STATE_VISIBLE):
            return False
    except Exception:
        return False
    box = extents(acc)
    return box is not None and box.width > 0 and box.height > 0


def find_all(root, predicate, out=None, depth=0):
    out = [] if out is None else out
    if depth > 40:
        return out
    try:
        if predicate(root):
            out.append(root)
        for i in range(root.childCount):
            child = root.getChildAtIndex(i)
            if child is not None:
                find_all(child, predicate, out, depth + 1)
    except Exception:
        pass
    return out


def the_app():
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == "goc-tre-em":
            return app
    return None


def wait_for(predicate, timeout=20.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app = the_app()
        if app is not None:
            found = [a for a in find_all(app, predicate) if showing(a)]
            if found:
                return found[0]
        time.sleep(0.2)
    return None


def button_named(name, exact=True):
    def match(acc):
        if acc.getRoleName() not in ("push button", "toggle button"):
            return False
        return acc.name == name if exact else name.lower() in (acc.name or "").lower()
    return match


def label_containing(text):
    return lambda acc: acc.getRoleName() in ("label", "heading") and text in (acc.name or "")


def window_box():
    return extents(the_app().getChildAtIndex(0))


# Swipes the page up with the mouse wheel until @acc is inside the window, as a
# person scrolls to a tile further down.
def scroll_into_view(acc):
    for _ in range(40):
        box, window = extents(acc), window_box()
        if box.y >= 0 and box.y + box.height <= window.height:
            return
        button = "5" if box.y + box.height > window.height else "4"
        subprocess.run(["xdotool", "mousemove", str(window.width // 2),
                        str(window.height // 2), "click", button], check=True)
        time.sleep(0.1)


# A real click in the middle of the widget: the kiosk window fills the screen from
# its top-left corner, so window coordinates are screen coordinates.
def tap(acc):
    scroll_into_view(acc)
    box = extents(acc)
    x = box.x + box.width // 2
    y = box.y + box.height // 2
    subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=True)


def step(name, predicate, then_tap=True, timeout=20.0):
    acc = wait_for(predicate, timeout)
    report(acc is not None, name, "not found on screen")
    if acc is not None and then_tap:
        tap(acc)
        time.sleep(0.4)
    return acc


def type_on_keyboard(text):
    for char in text:
        name = _("Space") if char == " " else char
        key = wait_for(lambda acc, n=name: acc.getRoleName() == "push button"
                       and (acc.name or "").lower() == n.lower(), 5)
        if key is None:
            return False
        tap(key)
        time.sleep(0.05)
    return True


def visitor_walk():
    step("home shows the drowning topic tile and taps it",
         button_named("Phòng tránh đuối nước và tai nạn"))
    step("the topic shows its article card and taps it",
         button_named("Nước quanh nhà: giếng, chum, bể, ao"))
    step("the article shows its 'what to do now' section",
         label_containing("Việc cần làm ngay"), then_tap=False)

    step("the header's search button opens search", button_named(_("Search")))
    report(type_on_keyboard("duoi nuoc"), "typed 'duoi nuoc' on the on-screen keyboard")
    step("a result about drowning appears and is opened",
         lambda acc: acc.getRoleName() == "push button" and "nước" in (acc.name or "")
         and acc.name != "Phòng tránh đuối nước và tai nạn")
    step("the result's article is on screen", label_containing("Gọi ai"), then_tap=False)

    step("the hotline button opens the hotline screen",
         button_named(_("Call 111, the child protection hotline")))
    step("111 is on the hotline screen", label_containing("111"), then_tap=False)
    step("113, 114 and 115 are there too", label_containing("115"), then_tap=False)


def idle_reset():
    # A real pointer move is activity: the idle time starts again from here.
    subprocess.run(["xdotool", "mousemove", "300", "300"], check=False)
    time.sleep(IDLE_SECONDS + 2)
    warning = vi.ngettext("Is anyone there? The screen goes back to the start in %u second. "
                          "Touch the screen to stay.",
                          "Is anyone there? The screen goes back to the start in %u seconds. "
                          "Touch the screen to stay.", COUNTDOWN_SECONDS)
    counting = wait_for(label_containing(warning.split("%u")[0].strip()), 8)
    report(counting is not None, "a countdown appears after the idle time")
    home = wait_for(button_named("Quyền trẻ em và pháp luật"), COUNTDOWN_SECONDS + 10)
    report(home is not None, "the idle reset brings back the home screen")
    back = wait_for(button_named(_("Go back")), 2)
    forgotten = back is not None and not back.getState().contains(pyatspi.STATE_SENSITIVE)
    report(forgotten, "the way back through the last visitor's screens is forgotten")

    # The search the visitor typed is forgotten too.
    step("search opens again", button_named(_("Search")))
    entry = wait_for(lambda acc: acc.getRoleName() == "entry"
                     and acc.name == _("Search the guidance"), 5)
    empty = entry is not None and entry.queryText().characterCount == 0
    report(empty, "the search text was cleared")


def stop(app):
    app.send_signal(signal.SIGTERM)
    try:
        app.wait(5)
    except subprocess.TimeoutExpired:
        app.kill()


# Content that cannot be read: the kiosk says why on its screen, in Vietnamese,
# rather than showing nothing.
def unreadable_store(home, display):
    data = os.path.join(home, "data", "goc-tre-em")
    os.makedirs(data)
    with open(os.path.join(data, "store.sqlite"), "wb") as store:
        store.write(b"not a database " * 4096)
    app = start_kiosk(app_env(home, display))
    try:
        said = wait_for(label_containing(_("Góc Trẻ Em cannot open its content.")))
        report(said is not None, "a store that cannot be read is explained on screen")
    finally:
        stop(app)


def main():
    global pyatspi
    home = tempfile.mkdtemp(prefix="kiosk-e2e-")
    xvfb, display = start_x()
    bus, address = start_dbus()
    os.environ["DISPLAY"] = display
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
    # This script's own AT-SPI client warns, now and then, about an application still
    # setting up its accessibility cache; the kiosk's warnings are what the suite's
    # fatal-warnings setting is for, and the kiosk is started without it anyway.
    os.environ.pop("G_DEBUG", None)
    import pyatspi  # only now: it connects to the session bus on import
    app = start_app(home, display)
    try:
        print(f"1..{PLANNED}", flush=True)
        visitor_walk()
        idle_reset()
        stop(app)
        unreadable_store(os.path.join(home, "unreadable"), display)
    finally:
        stop(app)
        xvfb.terminate()
        xvfb.wait()
        bus.terminate()
        bus.wait()
        shutil.rmtree(home, ignore_errors=True)
    return 0 if all(results) and len(results) == PLANNED else 1


if __name__ == "__main__":
    sys.exit(main())
