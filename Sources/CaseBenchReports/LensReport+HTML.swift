import CaseBenchModel

extension LensReport {
  /// The same sections as `markdown`, as HTML with every piece of text escaped.
  var html: String {
    func h(_ text: String) -> String { HTMLReport.escapeTrimmingNewlines(text) }
    var out = ""
    for e in entries {
      out += "<section class=\"lens\">\n<h2>Lens: \(h(e.lens.title))</h2>\n"
      if !e.source.isEmpty { out += "<p>Source: \(h(e.source)).</p>\n" }
      out += "<p><strong>\(h(LensReport.headline(e)))</strong></p>\n"
      if let score = e.score {
        out += "<p>Workings: \(h(score.workings())).</p>\n"
        out += "<table>\n<thead><tr><th>Section</th><th class=\"num\">Tests</th>"
        out += "<th class=\"num\">Sum</th></tr></thead>\n<tbody>\n"
        for s in score.sections {
          out += "<tr><td>\(h(s.title))</td><td class=\"num\">\(s.points.count)</td>"
          out += "<td class=\"num\">\(MLTestScore.format(s.sum))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
      }
      for part in e.parts {
        out += "<h3>\(h(part.phase.title))</h3>\n"
        if let shownIn = part.shownIn {
          out += "<p><em>Shows in the \(h(shownIn)) phase.</em></p>\n"
        }
        out += "<table>\n<thead><tr><th>ID</th><th>\(e.score == nil ? "Item" : "Test")</th>"
        if e.score != nil { out += "<th class=\"num\">Points</th>" }
        out += "<th>Status</th><th>\(e.score == nil ? "Note" : "Evidence")</th></tr></thead>\n"
        out += "<tbody>\n"
        for row in part.rows {
          out += "<tr><td>\(h(row.item.id))</td><td>\(h(row.item.title))</td>"
          if let points = row.points { out += "<td class=\"num\">\(points.label)</td>" }
          out += "<td>\(h(LensReport.statusText(row.state)))</td>"
          out += "<td>\(h(row.state.note))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
      }
      out += "</section>\n"
    }
    for record in removed {
      out += "<p><em>Lens \(h(record.title)) (\(h(record.id))) was removed; its answers are "
      out += "kept in the session file.</em></p>\n"
    }
    for (record, problem) in broken {
      out += "<p><em>Lens \(h(record.id)) does not load: \(h(problem))</em></p>\n"
    }
    return out
  }
}
