import CaseBenchCore

/// Case- and accent-insensitive search over phase briefings, item text and notes.
enum Search {
  static func matches(_ query: String, in wb: Workbench) -> [SearchMatch] {
    let q = Folded(query.trimming(.whitespaces))
    guard !q.isEmpty else { return [] }
    func has(_ text: String) -> Bool { q.occurs(in: text) }
    var out: [SearchMatch] = []
    for (p, phase) in wb.caseStudy.phases.enumerated() {
      if has(phase.title) || has(phase.goal) || (wb.showsCase && has(phase.briefing)) {
        out.append(SearchMatch(phase: p, item: nil))
      }
      for (i, item) in phase.items.enumerated() {
        let state = wb.session.state(of: item.id)
        if has(item.title) || has(item.guidance) || has(item.why) || has(state.note)
          || (wb.showsCase && has(item.caseContext)) || has(state.naReason ?? "")
        {
          out.append(SearchMatch(phase: p, item: i))
        }
      }
    }
    return out
  }
}

/// A search query folded for matching that ignores case and accents: "cafe" finds "Café".
/// Folding lower-cases each scalar, drops combining marks, and takes an accented Latin, Greek
/// or Cyrillic letter to its base letter. Text of plain ASCII is searched on its bytes.
struct Folded {
  let scalars: [Unicode.Scalar]
  /// The folded query as bytes, when it is plain ASCII.
  let ascii: [UInt8]?

  init(_ query: String) {
    var out: [Unicode.Scalar] = []
    for s in query.unicodeScalars { Folded.fold(s) { out.append($0) } }
    scalars = out
    ascii = out.allSatisfy(\.isASCII) ? out.map { UInt8($0.value) } : nil
  }

  var isEmpty: Bool { scalars.isEmpty }

  func occurs(in text: String) -> Bool { !ranges(in: text, first: true).isEmpty }

  /// Where the query occurs in `text`, without overlaps, in order (only the first if `first`).
  func ranges(in text: String, first: Bool = false) -> [Range<String.Index>] {
    guard !scalars.isEmpty else { return [] }
    if let ascii,
      let found = text.utf8.withContiguousStorageIfAvailable({ bytes in
        Folded.asciiRanges(of: ascii, in: bytes, first: first)
      }), let offsets = found
    {
      let utf8 = text.utf8
      return offsets.map {
        utf8.index(
          utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(
            utf8.startIndex, offsetBy: $0.upperBound)
      }
    }
    // Fold the text, remembering where each folded scalar came from.
    var folded: [Unicode.Scalar] = []
    var from: [String.Index] = []
    let view = text.unicodeScalars
    var i = view.startIndex
    while i < view.endIndex {
      Folded.fold(view[i]) {
        folded.append($0)
        from.append(i)
      }
      i = view.index(after: i)
    }
    var out: [Range<String.Index>] = []
    let m = scalars.count
    var k = 0
    while k + m <= folded.count {
      if folded[k] == scalars[0], folded[k..<(k + m)].elementsEqual(scalars) {
        let end = k + m < folded.count ? from[k + m] : view.endIndex
        out.append(from[k]..<Swift.max(end, view.index(after: from[k + m - 1])))
        if first { break }
        k += m
      } else {
        k += 1
      }
    }
    return out
  }

  /// Byte ranges of `query` (folded ASCII) in `bytes`, ignoring ASCII case; nil when `bytes`
  /// are not all ASCII, for the scalar path to handle.
  private static func asciiRanges(
    of query: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, first: Bool
  ) -> [Range<Int>]? {
    var high: UInt8 = 0
    for b in bytes { high |= b }
    guard high < 0x80 else { return nil }
    func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
    var out: [Range<Int>] = []
    let m = query.count
    let head = query[0]
    var k = 0
    while k + m <= bytes.count {
      if lower(bytes[k]) == head {
        var j = 1
        while j < m, lower(bytes[k + j]) == query[j] { j += 1 }
        if j == m {
          out.append(k..<(k + m))
          if first { break }
          k += m
          continue
        }
      }
      k += 1
    }
    return out
  }

  /// Folds one scalar, handing each scalar of the result to `emit` (none for a mark).
  static func fold(_ s: Unicode.Scalar, _ emit: (Unicode.Scalar) -> Void) {
    let v = s.value
    if v < 0x80 {
      emit(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v | 0x20)) : s)
      return
    }
    if s.properties.canonicalCombiningClass != .notReordered {
      switch s.properties.generalCategory {
      case .nonspacingMark, .enclosingMark: return
      default: break
      }
    }
    let base = baseLetters[s] ?? s
    for l in base.properties.lowercaseMapping.unicodeScalars { emit(l) }
  }

  /// Accented letters and their base letters, in pairs (from the Unicode decompositions of
  /// Latin, Greek and Cyrillic letters made of one letter and combining marks).
  static let baseLetters: [Unicode.Scalar: Unicode.Scalar] = {
    let pairs = Array(
      """
      ÀAÁAÂAÃAÄAÅAÇCÈEÉEÊEËEÌIÍIÎIÏIÑNÒOÓOÔOÕOÖOÙUÚUÛUÜUÝYàaáaâaãaäaåaçcèeéeêe
      ëeìiíiîiïiñnòoóoôoõoöoùuúuûuüuýyÿyĀAāaĂAăaĄAąaĆCćcĈCĉcĊCċcČCčcĎDďdĒEēeĔE
      ĕeĖEėeĘEęeĚEěeĜGĝgĞGğgĠGġgĢGģgĤHĥhĨIĩiĪIīiĬIĭiĮIįiİIĴJĵjĶKķkĹLĺlĻLļlĽLľl
      ŃNńnŅNņnŇNňnŌOōoŎOŏoŐOőoŔRŕrŖRŗrŘRřrŚSśsŜSŝsŞSşsŠSšsŢTţtŤTťtŨUũuŪUūuŬUŭu
      ŮUůuŰUűuŲUųuŴWŵwŶYŷyŸYŹZźzŻZżzŽZžzƠOơoƯUưuǍAǎaǏIǐiǑOǒoǓUǔuǕUǖuǗUǘuǙUǚuǛU
      ǜuǞAǟaǠAǡaǢÆǣæǦGǧgǨKǩkǪOǫoǬOǭoǮƷǯʒǰjǴGǵgǸNǹnǺAǻaǼÆǽæǾØǿøȀAȁaȂAȃaȄEȅeȆEȇe
      ȈIȉiȊIȋiȌOȍoȎOȏoȐRȑrȒRȓrȔUȕuȖUȗuȘSșsȚTțtȞHȟhȦAȧaȨEȩeȪOȫoȬOȭoȮOȯoȰOȱoȲYȳy
      ΆΑΈΕΉΗΊΙΌΟΎΥΏΩΐιΪΙΫΥάαέεήηίιΰυϊιϋυόούυώωϓϒϔϒЀЕЁЕЃГЇІЌКЍИЎУЙИйиѐеёеѓгїіќк
      ѝиўуѶѴѷѵӁЖӂжӐАӑаӒАӓаӖЕӗеӚӘӛәӜЖӝжӞЗӟзӢИӣиӤИӥиӦОӧоӪӨӫөӬЭӭэӮУӯуӰУӱуӲУӳуӴЧӵч
      ӸЫӹыḀAḁaḂBḃbḄBḅbḆBḇbḈCḉcḊDḋdḌDḍdḎDḏdḐDḑdḒDḓdḔEḕeḖEḗeḘEḙeḚEḛeḜEḝeḞFḟfḠGḡg
      ḢHḣhḤHḥhḦHḧhḨHḩhḪHḫhḬIḭiḮIḯiḰKḱkḲKḳkḴKḵkḶLḷlḸLḹlḺLḻlḼLḽlḾMḿmṀMṁmṂMṃmṄNṅn
      ṆNṇnṈNṉnṊNṋnṌOṍoṎOṏoṐOṑoṒOṓoṔPṕpṖPṗpṘRṙrṚRṛrṜRṝrṞRṟrṠSṡsṢSṣsṤSṥsṦSṧsṨSṩs
      ṪTṫtṬTṭtṮTṯtṰTṱtṲUṳuṴUṵuṶUṷuṸUṹuṺUṻuṼVṽvṾVṿvẀWẁwẂWẃwẄWẅwẆWẇwẈWẉwẊXẋxẌXẍx
      ẎYẏyẐZẑzẒZẓzẔZẕzẖhẗtẘwẙyẛſẠAạaẢAảaẤAấaẦAầaẨAẩaẪAẫaẬAậaẮAắaẰAằaẲAẳaẴAẵaẶA
      ặaẸEẹeẺEẻeẼEẽeẾEếeỀEềeỂEểeỄEễeỆEệeỈIỉiỊIịiỌOọoỎOỏoỐOốoỒOồoỔOổoỖOỗoỘOộoỚO
      ớoỜOờoỞOởoỠOỡoỢOợoỤUụuỦUủuỨUứuỪUừuỬUửuỮUữuỰUựuỲYỳyỴYỵyỶYỷyỸYỹyἀαἁαἂαἃαἄα
      ἅαἆαἇαἈΑἉΑἊΑἋΑἌΑἍΑἎΑἏΑἐεἑεἒεἓεἔεἕεἘΕἙΕἚΕἛΕἜΕἝΕἠηἡηἢηἣηἤηἥηἦηἧηἨΗἩΗἪΗἫΗἬΗ
      ἭΗἮΗἯΗἰιἱιἲιἳιἴιἵιἶιἷιἸΙἹΙἺΙἻΙἼΙἽΙἾΙἿΙὀοὁοὂοὃοὄοὅοὈΟὉΟὊΟὋΟὌΟὍΟὐυὑυὒυὓυὔυ
      ὕυὖυὗυὙΥὛΥὝΥὟΥὠωὡωὢωὣωὤωὥωὦωὧωὨΩὩΩὪΩὫΩὬΩὭΩὮΩὯΩὰαάαὲεέεὴηήηὶιίιὸοόοὺυύυὼω
      ώωᾀαᾁαᾂαᾃαᾄαᾅαᾆαᾇαᾈΑᾉΑᾊΑᾋΑᾌΑᾍΑᾎΑᾏΑᾐηᾑηᾒηᾓηᾔηᾕηᾖηᾗηᾘΗᾙΗᾚΗᾛΗᾜΗᾝΗᾞΗᾟΗᾠωᾡωᾢω
      ᾣωᾤωᾥωᾦωᾧωᾨΩᾩΩᾪΩᾫΩᾬΩᾭΩᾮΩᾯΩᾰαᾱαᾲαᾳαᾴαᾶαᾷαᾸΑᾹΑᾺΑΆΑᾼΑῂηῃηῄηῆηῇηῈΕΈΕῊΗΉΗῌΗῐι
      ῑιῒιΐιῖιῗιῘΙῙΙῚΙΊΙῠυῡυῢυΰυῤρῥρῦυῧυῨΥῩΥῪΥΎΥῬΡῲωῳωῴωῶωῷωῸΟΌΟῺΩΏΩῼΩ
      """.unicodeScalars.filter { $0 != "\n" && $0 != " " })
    var table: [Unicode.Scalar: Unicode.Scalar] = [:]
    for k in stride(from: 0, to: pairs.count - 1, by: 2) { table[pairs[k]] = pairs[k + 1] }
    return table
  }()
}
