package dev.hbi.samples.chat.bots;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The files the bots uploaded, and every version uploaded under each name. A bot uploads its files again
 * under the same few names (so the server's folder stays small), and a download that overlaps an upload
 * may get either version; what it gets must be exactly one of them. Only names whose first upload was
 * confirmed are picked for downloads and expected in listings.
 */
final class Shelf {

    /**
     * A file's place: a name in a room's folder.
     *
     * @param room the room
     * @param name the file's name
     */
    record Place(String room, String name) {
    }

    /**
     * One version of a file.
     *
     * @param size its size
     * @param crc  the CRC-32 of its bytes
     */
    record Version(long size, long crc) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Place, Set<Version>> versions = new HashMap<>(); // guarded by lock
    private final Set<Place> confirmed = new HashSet<>(); // guarded by lock
    private final List<Place> places = new ArrayList<>(); // the confirmed ones, to pick from; guarded by lock

    /**
     * Records a version about to be uploaded: from the moment the server has it in place, before it
     * confirms the upload, a download may get it.
     */
    void expect(Place place, Version version) {
        lock.lock();
        try {
            versions.computeIfAbsent(place, p -> new HashSet<>()).add(version);
        } finally {
            lock.unlock();
        }
    }

    /** Records that the server confirmed an upload: the place can be downloaded from now on. */
    void confirm(Place place) {
        lock.lock();
        try {
            if (confirmed.add(place)) {
                places.add(place);
            }
        } finally {
            lock.unlock();
        }
    }

    Optional<Place> pick() {
        lock.lock();
        try {
            return places.isEmpty() ? Optional.empty()
                    : Optional.of(places.get(ThreadLocalRandom.current().nextInt(places.size())));
        } finally {
            lock.unlock();
        }
    }

    boolean holds(Place place, Version version) {
        lock.lock();
        try {
            return versions.getOrDefault(place, Set.of()).contains(version);
        } finally {
            lock.unlock();
        }
    }

    List<String> namesIn(String room) {
        lock.lock();
        try {
            return places.stream().filter(p -> p.room().equals(room)).map(Place::name).toList();
        } finally {
            lock.unlock();
        }
    }
}
