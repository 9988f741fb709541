// swift-tools-version:6.0
import PackageDescription

// The targets follow the data flow. The verifier (`RotaVerifier`) and everything a commission
// runs to check a plan, a proof or a conflict depend on the model types and the readers only:
// never on the planner (`RotaPlanner`) or the solver (`RotaSolver`, GLPK). A change that makes
// them do so is a build error (and `Tests/RotaTests/Support/TargetGraphTests.swift` says why).
let package = Package(
    name: "rota",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Rota", targets: ["Rota"]),
        .executable(name: "rota", targets: ["RotaCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // libglpk-dev, linked directly: Debian ships no glpk.pc.
        .systemLibrary(
            name: "CGLPK",
            path: "Sources/CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // A small C guard around GLPK: its error hook longjmps back so an invalid call
        // becomes a Swift error instead of abort().
        .target(
            name: "CGLPKShim",
            dependencies: ["CGLPK"],
            path: "Sources/CGLPKShim",
            linkerSettings: [.linkedLibrary("glpk")]
        ),
        // zlib (zlib1g-dev): the compliance proof is a gzip stream; the workbook and calendars.zip are deflated zip entries.
        .systemLibrary(
            name: "CRotaZlib",
            path: "Sources/CRotaZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The model: scenario, days, parameters and rules, the plan and the rota as data,
        // diagnostics, canonical JSON, zlib's deflate (Deflater). No I/O beyond JSON text, no solver.
        .target(
            name: "RotaCore",
            dependencies: ["CRotaZlib", .product(name: "Crypto", package: "swift-crypto")],
            path: "Sources/RotaCore"
        ),
        // The scenario reader: YAML, staff CSV or Excel workbook, text decodings.
        .target(
            name: "RotaInput",
            dependencies: [
                "RotaCore", .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Sources/RotaInput"
        ),
        // The solver layer: a linear model and GLPK behind it.
        .target(name: "RotaSolver", dependencies: ["CGLPKShim"], path: "Sources/RotaSolver"),
        // The planner: the annual model, its greedy start and local search, the conflict
        // finder, and the weekly rota's scheduler.
        .target(
            name: "RotaPlanner",
            dependencies: ["RotaCore", "RotaInput", "RotaSolver"],
            path: "Sources/RotaPlanner"
        ),
        // The independent verifier: re-derives every rule instance from the scenario and checks
        // a plan and a rota in plain Swift and integer arithmetic.
        .target(name: "RotaVerifier", dependencies: ["RotaCore"], path: "Sources/RotaVerifier"),
        // The independent conflict re-check: proves a conflict.json's rule instances cannot all
        // hold with its own person-level flow, and recomputes every field, without the planner.
        .target(name: "RotaConflictCheck", dependencies: ["RotaCore", "RotaVerifier"], path: "Sources/RotaConflictCheck"),
        // The compliance proof: written from the verifier's checks, re-checked, signed.
        .target(
            name: "RotaProof",
            dependencies: [
                "RotaCore", "RotaInput", "RotaVerifier", "CRotaZlib",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/RotaProof"
        ),
        // What planners read: CSV, Excel, calendars, per-site sheets, report pages.
        .target(
            name: "RotaOutput",
            dependencies: ["RotaCore", "RotaVerifier", "CRotaZlib"],
            path: "Sources/RotaOutput"
        ),
        // The commission's audit of a region's submissions.
        .target(
            name: "RotaAudit",
            dependencies: ["RotaCore", "RotaInput", "RotaVerifier", "RotaOutput"],
            path: "Sources/RotaAudit"
        ),
        // Realistic generated scenarios (Heze, Mudan, Yanggu).
        .target(name: "RotaGenerator", dependencies: ["RotaCore"], path: "Sources/RotaGenerator"),
        // The whole pipeline, and every part re-exported for the command line and other users.
        .target(
            name: "Rota",
            dependencies: [
                "RotaCore", "RotaInput", "RotaSolver", "RotaPlanner", "RotaVerifier", "RotaConflictCheck",
                "RotaProof", "RotaOutput", "RotaAudit", "RotaGenerator",
            ],
            path: "Sources/Rota"
        ),
        // The commission's portal: accounts, submissions checked on upload, attendance, the
        // dashboard. Served by Hummingbird, stored in SQLite through GRDB.
        .target(
            name: "RotaServer",
            dependencies: [
                "Rota",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            path: "Sources/RotaServer",
            resources: [.copy("Resources/openapi.yaml")]
        ),
        .executableTarget(
            name: "RotaCLI",
            dependencies: [
                "Rota",
                "RotaServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/RotaCLI"
        ),
        .testTarget(
            name: "RotaTests",
            dependencies: [
                "Rota", .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Tests/RotaTests"
        ),
        .testTarget(
            name: "RotaCLITests",
            dependencies: ["Rota", "RotaCLI"],
            path: "Tests/RotaCLITests"
        ),
        .testTarget(
            name: "RotaServerTests",
            dependencies: [
                "RotaServer", "RotaCLI",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tests/RotaServerTests"
        ),
    ]
)
