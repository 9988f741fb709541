import Foundation
import ArgumentParser
import Rota
import RotaServer

/// `rota serve [--db PATH] [--host 127.0.0.1] [--port N]`: the commission's web portal, with its
/// data in one SQLite file; `--create-commission USER` creates the first commission account
/// (password from `--password` or the first line of standard input) and exits.
///
/// ```text
/// $ echo 'a long passphrase' | rota serve --create-commission commission
/// Created the commission account commission in rota-portal.sqlite
/// $ rota serve
/// rota portal on http://127.0.0.1:8080 (database rota-portal.sqlite)
/// ```
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the commission's web portal: submissions checked on upload, attendance, the region's dashboard.",
        discussion: """
            Data live in one SQLite file (--db, WAL mode, migrated on start). Create the first \
            commission account with --create-commission USER (password from --password or \
            standard input); the commission then creates hospital accounts on /accounts. \
            --load DIR stores a `rota audit` folder's submissions and attendance before serving. \
            The HTTP API is described at /openapi.yaml. See docs/serving.md.
            """
    )

    @Option(name: .long, help: "The SQLite database file (created when missing).")
    var db: String = "rota-portal.sqlite"

    @Option(name: .long, help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port: Int = 8080

    @Option(name: .customLong("create-commission"), help: ArgumentHelp("Create a commission account with this username, then exit.", valueName: "user"))
    var createCommission: String?

    @Option(name: .long, help: "The new account's password (default: the first line of standard input).")
    var password: String?

    @Option(name: .long, help: ArgumentHelp("Load a `rota audit` folder's submissions and attendance (as the commission) before serving.", valueName: "dir"))
    var load: String?

    @Flag(name: .customLong("plain-http-cookies"), help: "Leave Secure off the session cookie (plain http on a host other than localhost).")
    var plainHTTPCookies = false

    @Option(name: .customLong("max-body"), help: "The largest request body accepted, in bytes.")
    var maxBody: Int = 32 << 20

    func validate() throws {
        if password != nil, createCommission == nil { throw ValidationError("--password goes with --create-commission") }
        if !(0...65535).contains(port) { throw ValidationError("--port: 0 to 65535 expected") }
        if maxBody < 1024 { throw ValidationError("--max-body: at least 1024 bytes expected") }
    }

    func run() throws {
        // The command line's entry point is synchronous: the server runs on Swift's
        // concurrency pool while this thread waits for it.
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: (any Error)?
        let command = self
        Task {
            do { try await command.serve() } catch { failure = error }
            done.signal()
        }
        done.wait()
        if let failure { throw failure }
    }

    func serve() async throws {
        let store: PortalStore
        do { store = try PortalStore(path: db) } catch {
            printError("rota serve: cannot open \(db): \(error)")
            throw ExitCode(2)
        }
        if let user = createCommission {
            guard let pw = password ?? readLine(strippingNewline: true) else {
                printError("rota serve: no password: give --password or one line on standard input")
                throw ExitCode(2)
            }
            do { try store.createAccount(username: user, password: pw, role: .commission, institution: nil) } catch {
                printError("rota serve: \(error)")
                throw ExitCode(2)
            }
            print("Created the commission account \(user) in \(db)")
            return
        }
        if let load {
            guard let commission = try store.accounts().first(where: { $0.role == .commission }) else {
                printError("rota serve: --load needs a commission account first (--create-commission USER)")
                throw ExitCode(2)
            }
            do {
                let versions = try store.load(auditFolder: load, by: commission)
                print("Loaded \(versions.count) submission\(versions.count == 1 ? "" : "s") from \(load): "
                      + versions.map { "\($0.submission) v\($0.version) \($0.passed ? "passes" : "fails")" }.joined(separator: ", "))
            } catch let e as InputError {
                printError(e.description)
                throw ExitCode(2)
            } catch {
                printError("rota serve: cannot load \(load): \(error)")
                throw ExitCode(2)
            }
        }
        var config = PortalConfiguration()
        config.secureCookies = !plainHTTPCookies
        config.maxBodyBytes = maxBody
        let portal = Portal(store: store, configuration: config)
        let db = self.db
        let app = portal.application(host: host, port: port) { channel in
            let port = channel.localAddress?.port ?? 0
            // Unbuffered: whoever started the server waits for this line.
            FileHandle.standardOutput.write(Data("rota portal on http://\(channel.localAddress?.ipAddress ?? "127.0.0.1"):\(port) (database \(db))\n".utf8))
        }
        try await app.runService()
    }
}
