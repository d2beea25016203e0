#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The author's estimating heuristic, worked through line by line so a stakeholder can follow it:
/// double the solo estimate; double again for complex data, big data and a complex or
/// distributed platform; flag the other factors without multiplying; warn when the solo base is
/// over 20 days. The result is a range: from the multiplied figure up to an allowance for the
/// flags. The author says only to weigh the flagged factors and puts no figure on them, so the
/// allowance is casebench's own, and the workings say so.
public struct EstimateWorkings: Sendable, Equatable {
  /// A solo base over this many person-days is a sign the work is much bigger than it looks.
  public static let warningDays: Double = 20
  /// The upper end of the range allows this fraction of the multiplied figure for each flag.
  /// Not the author's figure (he gives none): a modest default, named as casebench's own.
  public static let allowancePerFlag: Double = 0.1

  public struct Step: Sendable, Equatable {
    /// What the step doubles for: "doubling the solo estimate", "big data".
    public var reason: String
    public var from: Double
    public var to: Double
  }

  public struct TaskLine: Sendable, Equatable {
    public var title: String
    public var base: Double
    /// The task's share of the multiplied figure.
    public var scaled: Double
  }

  public var tasks: [TaskLine]
  public var base: Double
  public var steps: [Step]
  /// The product of the doublings: 2, 4, 8 or 16.
  public var multiplier: Int
  public var flags: [EstimateFactor]
  public var low: Double
  public var high: Double
  /// Set when the base is over `warningDays`.
  public var warning: String?

  public init(tasks: [EstimateTask], factors: [EstimateFactor]) {
    let applied = EstimateFactor.allCases.filter(Set(factors).contains)
    base = tasks.reduce(0) { $0 + $1.days }
    var value = base
    var steps = [Step(reason: "doubling the solo estimate", from: value, to: value * 2)]
    value *= 2
    for factor in applied where factor.doubles {
      steps.append(Step(reason: factor.label, from: value, to: value * 2))
      value *= 2
    }
    self.steps = steps
    multiplier = 1 << steps.count
    flags = applied.filter { !$0.doubles }
    low = value
    high = value * (1 + EstimateWorkings.allowancePerFlag * Double(flags.count))
    let m = Double(multiplier)
    self.tasks = tasks.map { TaskLine(title: $0.title, base: $0.days, scaled: $0.days * m) }
    warning =
      base > EstimateWorkings.warningDays
      ? "the base is over \(EstimateWorkings.days(EstimateWorkings.warningDays)) person-days, "
        + "a sign the work is much bigger than it looks: split it into tasks and look again"
      : nil
  }

  /// "10 → 20 → 40 → 80".
  public var chain: String { chain(arrow: "→") }

  /// The chain with another arrow, such as "->" for plain ASCII output.
  public func chain(arrow: String) -> String {
    ([base] + steps.map(\.to)).map(EstimateWorkings.days).joined(separator: " \(arrow) ")
  }

  /// "80 person-days" or "80–96 person-days".
  public var rangeText: String { rangeText(dash: "–") }

  /// The range with another dash, such as "-" for plain ASCII output.
  public func rangeText(dash: String) -> String {
    let lo = EstimateWorkings.days(low)
    let hi = EstimateWorkings.days(high)
    return lo == hi ? "\(lo) person-days" : "\(lo)\(dash)\(hi) person-days"
  }

  /// The workings, one line each, as the report, the CLI and the workbench show them.
  public var lines: [String] {
    let d = EstimateWorkings.days
    var out: [String] = []
    let taskWord = tasks.count == 1 ? "task" : "tasks"
    out.append("Base (solo) estimate: \(d(base)) person-days from \(tasks.count) \(taskWord)")
    if let warning { out.append("Warning: \(warning)") }
    for step in steps {
      out.append("× 2 for \(step.reason): \(d(step.from)) → \(d(step.to))")
    }
    if flags.isEmpty {
      out.append("Flagged, not multiplied: none")
    } else {
      for flag in flags { out.append("Flagged, not multiplied: \(flag.label)") }
    }
    out.append("Workings: \(chain) person-days (× \(multiplier))")
    if flags.isEmpty {
      out.append("Result: \(rangeText)")
    } else {
      let percent = Int((EstimateWorkings.allowancePerFlag * 100).rounded())
      let which = flags.count == 1 ? "the one flag" : "each of \(flags.count) flags"
      out.append(
        "Result: \(rangeText) (\(d(low)), plus casebench's own \(percent)% for \(which): the "
          + "author puts no figure on \(flags.count == 1 ? "it" : "them"))")
    }
    return out
  }

  /// The task breakdown a stakeholder sees: "Data survey: 5 → 40 person-days".
  public var taskLines: [String] {
    tasks.map {
      "\($0.title): \(EstimateWorkings.days($0.base)) → \(EstimateWorkings.days($0.scaled)) "
        + "person-days"
    }
  }

  /// Person-days as people write them: "10", "7.5", "0.25" (at most two decimals).
  public static func days(_ value: Double) -> String {
    guard value.isFinite else { return "?" }
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
    return String(rounded)
  }

  /// The most person-days one task may carry: beyond this a figure is surely a typing error.
  public static let maximumTaskDays: Double = 100_000

  /// Reads a person-day figure typed by a user, or says what is wrong with it.
  public static func parseDays(_ text: String) -> Result<Double, ToolkitError> {
    let trimmed = text.trimming(.whitespaces)
    guard let value = Double(trimmed) else {
      return .failure(
        ToolkitError(
          field: "days", message: "'\(text)' is not a number of person-days",
          fix: "give a number such as 10 or 7.5"))
    }
    guard value.isFinite, value >= 0 else {
      return .failure(
        ToolkitError(
          field: "days",
          message: "person-days cannot be \(value.isFinite ? "negative" : "'\(text)'")",
          fix: "give 0 or more, such as 10 or 7.5"))
    }
    guard value <= maximumTaskDays else {
      return .failure(
        ToolkitError(
          field: "days",
          message: "\(trimmed) person-days is more than \(days(maximumTaskDays)) for one task",
          fix: "split it into tasks, or check the figure"))
    }
    return .success(value)
  }
}

extension EstimateTask {
  /// A task typed on one line: "Data survey 5" or "Data survey = 5", the person-days last. A
  /// bare number is the solo estimate.
  public static func parse(_ text: String) throws(ToolkitError) -> EstimateTask {
    var words = text.split(separator: " ").map(String.init)
    guard let last = words.popLast() else { throw ToolkitError.empty("task") }
    let days: Double
    switch EstimateWorkings.parseDays(last) {
    case .success(let d): days = d
    case .failure(let e):
      throw ToolkitError(
        field: "days", message: e.message + " at the end of the task",
        fix: "end with the person-days, such as Data survey 5")
    }
    if words.last == "=" || words.last == ":" { words.removeLast() }
    let title = words.joined(separator: " ")
    return EstimateTask(title: title.isEmpty ? "Solo estimate" : title, days: days)
  }
}
