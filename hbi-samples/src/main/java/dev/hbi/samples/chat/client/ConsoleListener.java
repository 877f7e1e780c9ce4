package dev.hbi.samples.chat.client;

import dev.hbi.samples.chat.Msg;
import dev.hbi.samples.chat.MsgsInRoom;
import java.util.stream.Collectors;

/** Prints what the server pushes, as hbichat's client does. */
final class ConsoleListener implements ChatListener {

    private final Screen screen;

    ConsoleListener(Screen screen) {
        this.screen = screen;
    }

    @Override
    public void notice(String text) {
        screen.show(text);
    }

    @Override
    public void roomMsgs(MsgsInRoom msgs, boolean ourRoom) {
        if (!ourRoom) {
            screen.show(" *** Messages from #" + msgs.roomId() + " ***");
        }
        screen.show(msgs.msgs().stream().map(Msg::display).collect(Collectors.joining("\n")));
    }

    @Override
    public void said(int msgId, String text) {
        screen.show("@@ Your message [" + msgId + "] has been displayed:\n  > " + text);
    }

    @Override
    public void joined(String nick, String roomId) {
        screen.show("@@ " + nick + " has joined #" + roomId);
    }

    @Override
    public void left(String nick, String roomId) {
        screen.show("@@ " + nick + " has left #" + roomId);
    }
}
