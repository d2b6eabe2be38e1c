#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace switchyard::cache_detail {

// Open addressing with linear probing: prefix key -> expiry time. Sized once for the workload's
// distinct keys (load factor at most one half), so the simulation loop never allocates or
// rehashes. Key 0 marks an empty slot. Entries are never deleted: an expired slot is reused for a
// new key only after the whole probe chain showed the key absent, so chains stay intact.
class ExpiryTable {
public:
    struct Slot {
        uint64_t key;
        int64_t expiresMs;
    };

    void reset(size_t distinctKeys) {
        const size_t wanted = std::bit_ceil(std::max<size_t>(1024, distinctKeys * 2));
        if (m_slots.size() == wanted)
            std::fill(m_slots.begin(), m_slots.end(), Slot{0, 0});
        else
            m_slots.assign(wanted, Slot{0, 0});
        m_mask = wanted - 1;
    }

    const Slot* home(uint64_t key) const { return &m_slots[key & m_mask]; }

    Slot* find(uint64_t key) {
        for (size_t i = key & m_mask;; i = (i + 1) & m_mask) {
            Slot& slot = m_slots[i];
            if (slot.key == key)
                return &slot;
            if (slot.key == 0)
                return nullptr;
        }
    }

    // Sets the key's expiry, inserting it (into the first expired slot of its chain, if any).
    void put(uint64_t key, int64_t expiresMs, int64_t nowMs) {
        Slot* reusable = nullptr;
        for (size_t i = key & m_mask;; i = (i + 1) & m_mask) {
            Slot& slot = m_slots[i];
            if (slot.key == key) {
                slot.expiresMs = expiresMs;
                return;
            }
            if (slot.key == 0) {
                Slot& target = reusable ? *reusable : slot;
                target = Slot{key, expiresMs};
                return;
            }
            if (!reusable && slot.expiresMs <= nowMs)
                reusable = &slot;
        }
    }

private:
    std::vector<Slot> m_slots;
    size_t m_mask = 0;
};

} // namespace switchyard::cache_detail
