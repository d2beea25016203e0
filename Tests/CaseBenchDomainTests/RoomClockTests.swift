import Foundation
import Testing

@testable import CaseBenchModel
@testable import CaseBenchStore

@Suite("The room's clock")
struct RoomClockTests {
  let t0 = Date(timeIntervalSince1970: 1_795_000_000)
  let schedule = Schedule(read: 5, work: 20, decide: 10, debrief: 15)

  func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

  @Test func itWalksTheScheduleBlockByBlock() {
    let clock = RoomClock(phase: "data", started: t0)
    #expect(
      clock.reading(schedule, at: at(0))
        == ClockReading(block: .read, remaining: 300, paused: false))
    #expect(clock.reading(schedule, at: at(4.5)).block == .read)
    #expect(clock.reading(schedule, at: at(5)).block == .work)
    #expect(clock.reading(schedule, at: at(24)).remaining == 60)
    #expect(clock.reading(schedule, at: at(25)).block == .decide)
    #expect(clock.reading(schedule, at: at(35)).block == .debrief)
    let over = clock.reading(schedule, at: at(53))
    #expect(over.block == nil)
    #expect(over.remaining == -180)
    #expect(over.text == "schedule over by 3:00")
    #expect(clock.reading(schedule, at: at(12.5)).text == "work · 12:30 left")
  }

  @Test func aPauseStopsTheClockAndShiftsWhatComesAfter() {
    var clock = RoomClock(phase: "data", started: t0)
    clock.pause(at: at(10))
    #expect(clock.reading(schedule, at: at(30)).remaining == 15 * 60, "frozen at 10 minutes")
    #expect(clock.reading(schedule, at: at(30)).text == "work · 15:00 left (paused)")
    #expect(clock.noticeDue(schedule, at: at(30)) == nil, "nothing fires while paused")
    clock.resume(at: at(30))
    #expect(clock.elapsed(at: at(31)) == 11 * 60)
    #expect(clock.reading(schedule, at: at(45)).block == .decide, "work now ends at 45")
    clock.pause(at: at(50))
    clock.pause(at: at(55))
    clock.resume(at: at(60))
    #expect(clock.elapsed(at: at(60)) == 30 * 60, "a second pause key press changes nothing")
  }

  @Test func extendingABlockMovesTheRestAndRenewsItsNotice() {
    var clock = RoomClock(phase: "data", started: t0)
    #expect(clock.noticeDue(schedule, at: at(19)) == nil)
    #expect(clock.noticeDue(schedule, at: at(20)) == .work, "5 minutes before work ends")
    clock.noticesSent.append(.work)
    #expect(clock.noticeDue(schedule, at: at(21)) == nil, "sent once")
    clock.extend(.work)
    #expect(clock.reading(schedule, at: at(26)).block == .work)
    #expect(clock.reading(schedule, at: at(30)).block == .decide)
    #expect(clock.noticeDue(schedule, at: at(25)) == .work, "a new notice before the new end")
    #expect(clock.noticeDue(schedule, at: at(35)) == .decide)
    #expect(clock.noticeDue(schedule, at: at(45)) == nil, "the debrief has no notice")
  }

  @Test func aBlockShorterThanTheNoticeGetsNone() {
    let short = Schedule(read: 2, work: 4, decide: 3, debrief: 8)
    let clock = RoomClock(phase: "data", started: t0)
    for minute in stride(from: 0.0, through: 17, by: 0.5) {
      #expect(clock.noticeDue(short, at: at(minute)) == nil, "\(minute)")
    }
  }

  @Test func itIsKeptInTheFacilitatorsFile() throws {
    var state = WorkshopState()
    var clock = RoomClock(phase: "data", started: t0)
    clock.extend(.decide, by: 5)
    clock.pause(at: at(3))
    state.clock = clock
    let data = try SessionStore.makeEncoder().encode(state)
    let back = try SessionStore.makeDecoder().decode(WorkshopState.self, from: data)
    #expect(back.clock == clock)
    #expect(String(decoding: data, as: UTF8.self).contains("\"paused_at\""))
  }
}
