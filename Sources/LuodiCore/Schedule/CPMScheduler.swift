/// The critical path method: a forward pass for early dates, a backward pass for late dates,
/// total and free float, the critical path. Dates follow MS Project's conventions (the default,
/// matched against files MS Project saved; see FIDELITY.md): an activity starts at the start of
/// working time and may finish at the end of a working period; lags are working time of the
/// successor's calendar unless elapsed.
///
/// Reference: the forward and backward pass of the PMI Practice Standard for Scheduling (3rd ed.,
/// 2019), with MS Project's handling of constraints as MPXJ's `MicrosoftScheduler` documents it.
public enum CPMScheduler {
    /// - Throws: `ScheduleError` for a cycle (naming its activities), an unknown activity or
    ///   calendar, or a calendar without working time.
    public static func schedule(_ network: ScheduleNetwork) throws -> Schedule {
        var engine = try Engine(network)
        return engine.run()
    }

    struct Engine {
        let n: ScheduleNetwork
        let index: [String: Int]
        let calendars: [WorkCalendar]
        var preds: [[Int]]   // relationship indices into n.relationships
        var succs: [[Int]]
        /// Activity index of each relationship's predecessor and successor (no string lookups in the passes).
        var from: [Int] = [], to: [Int] = []
        var order: [Int] = []
        var es: [ScheduleTime], ef: [ScheduleTime], ls: [ScheduleTime], lf: [ScheduleTime]

        init(_ network: ScheduleNetwork) throws {
            n = network
            var index: [String: Int] = [:]
            for (i, a) in network.activities.enumerated() { index[a.id] = i }
            self.index = index
            guard let fallback = network.calendars[network.defaultCalendar] else {
                throw ScheduleError.unknownCalendar(network.defaultCalendar, activity: "(project default)")
            }
            calendars = try network.activities.map { a in
                guard let name = a.calendar else { return fallback }
                guard let c = network.calendars[name] else { throw ScheduleError.unknownCalendar(name, activity: a.id) }
                return c
            }
            for c in Set(calendars.map(\.name)) where !(calendars.first { $0.name == c }!.hasWorkingTime) {
                throw ScheduleError.noWorkingTime(calendar: c)
            }
            preds = Array(repeating: [], count: network.activities.count)
            succs = preds
            for (r, rel) in network.relationships.enumerated() {
                guard let p = index[rel.predecessor] else { throw ScheduleError.unknownActivity(rel.predecessor, inRelationship: "\(rel.predecessor) \(rel.type.rawValue) \(rel.successor)") }
                guard let s = index[rel.successor] else { throw ScheduleError.unknownActivity(rel.successor, inRelationship: "\(rel.predecessor) \(rel.type.rawValue) \(rel.successor)") }
                preds[s].append(r)
                succs[p].append(r)
                from.append(p)
                to.append(s)
            }
            let count = network.activities.count
            es = Array(repeating: 0, count: count)
            ef = es; ls = es; lf = es
            order = try topologicalOrder()
        }

        /// Kahn's algorithm; what is left over contains a cycle, which a depth-first walk names.
        func topologicalOrder() throws -> [Int] {
            let count = n.activities.count
            var indegree = preds.map(\.count)
            var queue = (0..<count).filter { indegree[$0] == 0 }
            var head = 0
            while head < queue.count {
                let i = queue[head]; head += 1
                for r in succs[i] {
                    let s = to[r]
                    indegree[s] -= 1
                    if indegree[s] == 0 { queue.append(s) }
                }
            }
            guard queue.count < count else { return queue }
            let left = Set((0..<count).filter { indegree[$0] > 0 })
            var state = [Int: Int]()   // 1 visiting, 2 done
            var stack: [Int] = []
            func visit(_ i: Int) -> [Int]? {
                state[i] = 1
                stack.append(i)
                for r in succs[i] {
                    let s = to[r]
                    guard left.contains(s) else { continue }
                    if state[s] == 1, let start = stack.firstIndex(of: s) { return Array(stack[start...]) + [s] }
                    if state[s] == nil, let found = visit(s) { return found }
                }
                stack.removeLast()
                state[i] = 2
                return nil
            }
            for i in left.sorted() where state[i] == nil {
                if let cycle = visit(i) { throw ScheduleError.cycle(cycle.map { n.activities[$0].id }) }
            }
            throw ScheduleError.cycle(left.sorted().map { n.activities[$0].id })
        }

        /// `t` moved by the relationship's lag, on the calendar the network's lag rule names.
        func addLag(_ r: Int, _ t: ScheduleTime, calendar successorCalendar: WorkCalendar, sign: Int = 1) -> ScheduleTime {
            let rel = n.relationships[r]
            let m = rel.lag.minutes * sign
            if m == 0 { return t }
            if rel.lag.elapsed { return t + m }
            let calendar: WorkCalendar
            switch n.lagCalendar {
            case .successor: calendar = successorCalendar
            case .predecessor: calendar = calendars[from[r]]
            case .twentyFourHour: return t + m
            case .projectDefault: calendar = n.calendars[n.defaultCalendar] ?? successorCalendar
            }
            return calendar.adding(workingMinutes: m, to: t)
        }

        /// The next start of work, except that a milestone may sit at the end of a working period.
        func startOfWork(_ i: Int, _ t: ScheduleTime) -> ScheduleTime {
            let c = calendars[i]
            let next = c.nextWorkStart(t)
            if next > t, n.activities[i].isMilestone, n.activities[i].milestoneAtFinish, c.previousWorkFinish(t) == t { return t }
            return next
        }

        mutating func run() -> Schedule {
            for i in order { forward(i) }
            var finish = ef.max() ?? n.projectStart
            for i in order.reversed() { backward(i, projectFinish: finish) }
            // As late as possible: successors are scheduled from such activities' late dates
            // (MS Project's rule), so the forward pass runs again with them.
            if n.activities.contains(where: { $0.constraint == .asLateAsPossible }) {
                alapPass = true
                for i in order { forward(i) }
                finish = ef.max() ?? n.projectStart
            }
            var out: [ScheduledActivity] = []
            for (i, a) in n.activities.enumerated() {
                let c = calendars[i]
                // A started activity's start is fixed, so only its finish can float.
                let finishFloat = c.workingMinutes(from: ef[i], to: lf[i])
                let total = a.actualStart != nil || a.actualFinish != nil ? finishFloat : min(c.workingMinutes(from: es[i], to: ls[i]), finishFloat)
                out.append(ScheduledActivity(id: a.id, name: a.name, earlyStart: es[i], earlyFinish: ef[i], lateStart: ls[i],
                                             lateFinish: lf[i], totalFloatMinutes: total, freeFloatMinutes: freeFloat(i, finish),
                                             critical: total <= 0 && a.actualFinish == nil))
            }
            let critical = order.filter { out[$0].critical }.map { n.activities[$0].id }
            return Schedule(activities: out, criticalPath: critical, projectFinish: finish)
        }

        /// True during the forward pass that follows the backward pass when some activity is
        /// as late as possible.
        var alapPass = false

        /// The start and finish of predecessor `p` as a successor sees them.
        func driving(_ p: Int) -> (start: ScheduleTime, finish: ScheduleTime) {
            if alapPass, n.activities[p].constraint == .asLateAsPossible, n.activities[p].actualStart == nil { return (ls[p], lf[p]) }
            return (es[p], ef[p])
        }

        /// The earliest time the relationships let activity `i` start (or, for a started
        /// activity under retained logic, resume), for `minutes` of remaining work.
        func logicStart(_ i: Int, minutes: Int) -> ScheduleTime? {
            let c = calendars[i]
            return preds[i].map { r -> ScheduleTime in
                let p = from[r]
                let (ps, pf) = driving(p)
                switch n.relationships[r].type {
                case .finishToStart: return addLag(r, pf, calendar: c)
                case .startToStart: return addLag(r, ps, calendar: c)
                case .finishToFinish: return max(n.projectStart, addLag(r, c.adding(workingMinutes: -minutes, to: pf), calendar: c))
                case .startToFinish: return addLag(r, c.adding(workingMinutes: -minutes, to: ps), calendar: c)
                }
            }.max()
        }

        mutating func forward(_ i: Int) {
            let a = n.activities[i], c = calendars[i]
            if let finished = a.actualFinish {
                es[i] = a.actualStart ?? c.adding(workingMinutes: -a.durationMinutes, to: finished)
                ef[i] = finished
                return
            }
            if let started = a.actualStart {
                // In progress: the remaining work runs from the data date, or, under retained
                // logic, no earlier than its predecessors allow.
                let remaining = a.remainingMinutes ?? a.durationMinutes
                var resume = max(started, n.dataDate ?? started)
                if n.outOfSequence == .retainedLogic, let logic = logicStart(i, minutes: remaining) { resume = max(resume, logic) }
                es[i] = started
                ef[i] = c.adding(workingMinutes: remaining, to: c.nextWorkStart(resume))
                return
            }
            var start: ScheduleTime
            var finish: ScheduleTime?
            if preds[i].isEmpty {
                switch a.constraint {
                case .startNoEarlierThan: start = a.constraintDate ?? n.projectStart
                case .finishNoEarlierThan:
                    finish = a.constraintDate
                    start = c.adding(workingMinutes: -a.durationMinutes, to: a.constraintDate ?? n.projectStart)
                default: start = n.projectStart
                }
            } else {
                start = logicStart(i, minutes: a.durationMinutes)!
            }
            if let dataDate = n.dataDate, start < dataDate {
                start = dataDate
                finish = nil
            }
            start = startOfWork(i, start)
            if let date = a.constraintDate {
                switch a.constraint {
                case .startNoEarlierThan: start = max(start, date)
                case .startNoLaterThan: start = min(start, date)
                case .finishNoEarlierThan: start = max(start, c.adding(workingMinutes: -a.durationMinutes, to: date))
                case .finishNoLaterThan: start = min(start, c.adding(workingMinutes: -a.durationMinutes, to: date))
                case .mustStartOn: start = date
                case .mustFinishOn:
                    finish = date
                    start = c.adding(workingMinutes: -a.durationMinutes, to: date)
                case .asSoonAsPossible, .asLateAsPossible: break
                }
            }
            if finish != nil, a.constraint != .mustFinishOn, a.constraint != .finishNoEarlierThan { finish = nil }
            es[i] = start
            ef[i] = finish ?? c.adding(workingMinutes: a.durationMinutes, to: start)
        }

        mutating func backward(_ i: Int, projectFinish: ScheduleTime) {
            let a = n.activities[i], c = calendars[i]
            if let finish = a.actualFinish {
                lf[i] = finish
                ls[i] = a.actualStart ?? c.adding(workingMinutes: -a.durationMinutes, to: finish)
                return
            }
            let live = succs[i].filter { n.activities[to[$0]].actualFinish == nil }
            var finish = live.isEmpty ? projectFinish : live.map { r -> ScheduleTime in
                let rel = n.relationships[r]
                let s = to[r]
                let sc = calendars[s]
                let bound: ScheduleTime
                switch rel.type {
                case .finishToStart: bound = addLag(r, ls[s], calendar: sc, sign: -1)
                case .finishToFinish: bound = addLag(r, lf[s], calendar: sc, sign: -1)
                case .startToStart:
                    bound = c.adding(workingMinutes: a.durationMinutes, to: addLag(r, sc.nextWorkStart(ls[s]), calendar: sc, sign: -1))
                case .startToFinish:
                    bound = c.adding(workingMinutes: a.durationMinutes, to: addLag(r, lf[s], calendar: sc, sign: -1))
                }
                return min(bound, projectFinish)
            }.min()!
            if let date = a.constraintDate {
                switch a.constraint {
                case .mustStartOn: finish = c.adding(workingMinutes: a.durationMinutes, to: date)
                case .mustFinishOn: finish = date
                case .startNoLaterThan: finish = min(finish, c.adding(workingMinutes: a.durationMinutes, to: date))
                case .finishNoLaterThan: finish = min(finish, date)
                default: break
                }
            }
            lf[i] = finish
            ls[i] = a.actualStart ?? c.adding(workingMinutes: -(a.remainingMinutes ?? a.durationMinutes), to: finish)
        }

        /// Working time the activity can slip without delaying any successor's early date (or,
        /// without successors, the project finish).
        func freeFloat(_ i: Int, _ projectFinish: ScheduleTime) -> Int {
            let c = calendars[i]
            guard !succs[i].isEmpty else { return max(0, c.workingMinutes(from: ef[i], to: projectFinish)) }
            let gaps = succs[i].map { r -> Int in
                let rel = n.relationships[r]
                let s = to[r]
                let sc = calendars[s]
                switch rel.type {
                case .finishToStart: return c.workingMinutes(from: addLag(r, ef[i], calendar: sc), to: es[s])
                case .startToStart: return c.workingMinutes(from: addLag(r, es[i], calendar: sc), to: es[s])
                case .finishToFinish: return c.workingMinutes(from: addLag(r, ef[i], calendar: sc), to: ef[s])
                case .startToFinish: return c.workingMinutes(from: addLag(r, es[i], calendar: sc), to: ef[s])
                }
            }
            return max(0, gaps.min()!)
        }
    }
}
