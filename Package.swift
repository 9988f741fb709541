// swift-tools-version:6.0
import PackageDescription

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
        .target(
            name: "Rota",
            dependencies: [
                "CGLPK",
                "CGLPKShim",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Sources/Rota"
        ),
        .executableTarget(
            name: "RotaCLI",
            dependencies: [
                "Rota",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/RotaCLI"
        ),
        .testTarget(
            name: "RotaTests",
            dependencies: ["Rota"],
            path: "Tests/RotaTests"
        ),
        .testTarget(
            name: "RotaCLITests",
            dependencies: ["Rota", "RotaCLI"],
            path: "Tests/RotaCLITests"
        ),
    ]
)
