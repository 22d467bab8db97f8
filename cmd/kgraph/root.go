package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"

	"github.com/spf13/cobra"
)

// Streams are the standard streams a command reads and writes. Commands
// never touch os.Stdout directly, so tests drive them with buffers.
type Streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // the command ran and failed, or some inputs were refused
	exitUsage = 2 // bad flags or arguments
)

// errSilent reports failure through the exit status after the command has
// already said what went wrong (per-input errors during a build, say).
var errSilent = errors.New("silent failure")

// usageError marks errors in how the command was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// Main runs kgraph with args and returns the exit status. It is the one
// place that maps errors to exit codes.
func Main(args []string, s Streams) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	root := NewCmdRoot(s)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	if errors.Is(err, errSilent) {
		return exitError
	}
	var ue usageError
	if errors.As(err, &ue) || isFlagError(err) {
		fmt.Fprintf(s.Err, "kgraph: %v\nRun 'kgraph --help' for usage.\n", err)
		return exitUsage
	}
	fmt.Fprintf(s.Err, "kgraph: %v\n", err)
	return exitError
}

// isFlagError recognizes cobra's own argument errors, which it returns as
// plain errors.
func isFlagError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown flag", "unknown shorthand flag", "unknown command", "flag needs an argument",
		"invalid argument", "accepts ", "requires at least", "requires exactly", "required flag"} {
		if strings.HasPrefix(msg, p) || strings.Contains(msg, " "+p) {
			return true
		}
	}
	return false
}

// NewCmdRoot returns the kgraph command with every subcommand.
func NewCmdRoot(s Streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "kgraph <command> [flags]",
		Short: "Build a knowledge graph from English prose and query it",
		Long: `kgraph reads English prose (statements, communiqués, reports, news), turns
every sentence into subject–predicate–object facts with provenance, stores
them as quads in an embedded Cayley graph database, and answers questions in
Gizmo, GraphQL or MQL.`,
		Example: `  # Build the graph of the bundled statement and ask who reaffirmed what
  kgraph build data/statement.txt
  kgraph query 'g.V().Has("<kg:label>", "United States").Out("<kg:p/reaffirm>").Out("<kg:label>").All()'

  # Export the facts table
  kgraph export --format tsv -o facts.tsv`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	// --cpuprofile is for finding where a slow command spends its time
	// (go tool pprof kgraph FILE); hidden, as only developers want it.
	var profile string
	var profileFile *os.File
	root.PersistentFlags().StringVar(&profile, "cpuprofile", "", "write a CPU profile of the command to `FILE`")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	// --memprofile is for finding what holds memory: the heap as of the
	// last garbage collection before the command ended (go tool pprof
	// -sample_index=inuse_space kgraph FILE).
	var memProfile string
	root.PersistentFlags().StringVar(&memProfile, "memprofile", "", "write a heap profile as the command ends to `FILE`")
	_ = root.PersistentFlags().MarkHidden("memprofile")
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if profile == "" {
			return nil
		}
		f, err := os.Create(profile)
		if err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		profileFile = f
		return pprof.StartCPUProfile(f)
	}
	root.PersistentPostRunE = func(*cobra.Command, []string) error {
		if memProfile != "" {
			if err := writeHeapProfile(memProfile); err != nil {
				return err
			}
		}
		if profileFile == nil {
			return nil
		}
		pprof.StopCPUProfile()
		return profileFile.Close()
	}
	root.AddCommand(
		NewCmdBuild(s),
		NewCmdExtract(s),
		NewCmdQuery(s),
		NewCmdRelated(s),
		NewCmdServe(s),
		NewCmdExport(s),
		NewCmdImport(s),
		NewCmdStats(s),
		NewCmdIndex(s),
		NewCmdRemove(s),
		NewCmdEntities(s),
		NewCmdRender(s),
		NewCmdEval(s),
		NewCmdTrain(s),
	)
	return root
}

// writeHeapProfile writes the heap profile of the memory in use now.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("heap profile: %w", err)
	}
	return f.Close()
}

// defaultDB is where the store lives unless --db says otherwise.
const defaultDB = "kgraph.db"
