package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kgraph/eval/judge"
	"github.com/kgraph/kgraph/extract"
	"github.com/kgraph/kgraph/schema"
	"github.com/kgraph/kgraph/source"
)

// NewCmdEvalJudge returns `kgraph eval judge`, the parent of sample and score.
func NewCmdEvalJudge(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "judge <sample|score|carry>",
		Short: "Judged precision of facts on held-out documents",
		Long: `Judge measures precision as a person judges it. 'judge sample' draws a
seeded random sample of facts from chosen documents and writes each fact
beside its sentence; judges mark each item C (the sentence asserts it and
the subject is the right real-world entity), P (right relation, argument
boundaries off) or W (anything else), one "id<TAB>mark" line an item;
'judge score' reports precision = (C + ½P)/n for each judge, their
agreement and the precision of the half of the sample with the highest
confidence.`,
		Example: `  kgraph eval judge sample --docs testdata/judge/docs.txt ../shared/corpus/wh-statements.jsonl.gz > sample.tsv
  kgraph eval judge score --sample sample.tsv judge1.tsv judge2.tsv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newCmdJudgeSample(s), newCmdJudgeScore(s), newCmdJudgeCarry(s))
	return cmd
}

type judgeSampleOptions struct {
	Streams
	Docs    string
	N       int
	Seed    int64
	Aliases string
	Inputs  []string
}

func newCmdJudgeSample(s Streams) *cobra.Command {
	opts := &judgeSampleOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "sample --docs IDS.txt [--n 60] [--seed 1] INPUT...",
		Short: "Draw a random sample of facts to judge",
		Long: `Sample extracts the documents whose ids --docs lists (one a line, "#"
comments) from the inputs, draws --n facts at random with --seed, and writes
them as TSV: id, document, sentence, confidence, subject, predicate,
object, polarity, sentence text. Facts whose subject is an unresolved
reference are left out, as in the facts table. On standard error it says
how many facts each sentence gets.`,
		Example: `  kgraph eval judge sample --docs testdata/judge/docs.txt --n 60 --seed 1 ../shared/corpus/wh-statements.jsonl.gz > sample.tsv`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			if opts.N <= 0 {
				return usageError{fmt.Errorf("--n must be positive, not %d", opts.N)}
			}
			return runJudgeSample(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Docs, "docs", "", "file of document ids to sample from, one a line")
	cmd.Flags().IntVar(&opts.N, "n", 60, "number of facts to draw")
	cmd.Flags().Int64Var(&opts.Seed, "seed", 1, "random seed")
	cmd.Flags().StringVar(&opts.Aliases, "aliases", "", "TSV file of extra names: alias<TAB>canonical<TAB>type")
	cmd.MarkFlagRequired("docs")
	return cmd
}

func readIDs(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ids := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ids[strings.Fields(line)[0]] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("%s: no document ids", path)
	}
	return ids, nil
}

func runJudgeSample(ctx context.Context, opts *judgeSampleOptions) error {
	ids, err := readIDs(opts.Docs)
	if err != nil {
		return err
	}
	ex, err := newExtractor(opts.Aliases, extract.Options{})
	if err != nil {
		return err
	}
	var results []schema.Result
	err = source.Walk(ctx, opts.Inputs, source.Options{Stdin: opts.In}, func(it source.Item) error {
		if it.Err != nil {
			return fmt.Errorf("%s: %w", it.Origin, it.Err)
		}
		if !ids[it.Doc.ID] {
			return nil
		}
		delete(ids, it.Doc.ID)
		res, err := ex.Extract(ctx, it.Doc)
		if err != nil {
			return fmt.Errorf("%s: %w", it.Origin, err)
		}
		results = append(results, res)
		return nil
	})
	if err != nil {
		return err
	}
	if len(ids) > 0 {
		var missing []string
		for id := range ids {
			missing = append(missing, id)
		}
		return fmt.Errorf("%s: %d documents not in the inputs, such as %s", opts.Docs, len(missing), missing[0])
	}
	pop, cov := judge.Population(results)
	sample := judge.Sample(pop, opts.N, opts.Seed)
	fmt.Fprintf(opts.Err, "documents %d, sentences %d, facts %d: %.2f facts a sentence, %.1f%% of sentences with a fact; %.1f%% of all %d units of four words or more (list items, headings) with a fact\n",
		cov.Documents, cov.Sentences, cov.Facts, cov.FactsPerSentence(), 100*cov.SentenceShare(), 100*cov.UnitShare(), cov.Units)
	return judge.WriteSample(opts.Out, sample)
}

type judgeScoreOptions struct {
	Streams
	Sample    string
	Judgments []string
}

func newCmdJudgeScore(s Streams) *cobra.Command {
	opts := &judgeScoreOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "score --sample SAMPLE.tsv JUDGED.tsv...",
		Short: "Score judgements of a sample",
		Long: `Score reads a sample and one judgement file for each judge
("id<TAB>C|P|W[<TAB>why]" lines) and prints each judge's precision
(C + ½P)/n, the precision of the half of the sample with the highest
confidence, the mean over judges, and with two judges their agreement and
Cohen's kappa.`,
		Example: `  kgraph eval judge score --sample testdata/judge/sample-1.tsv testdata/judge/sample-1.judge-a.tsv testdata/judge/sample-1.judge-b.tsv`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Judgments = args
			return runJudgeScore(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Sample, "sample", "", "the sample that was judged")
	cmd.MarkFlagRequired("sample")
	return cmd
}

func runJudgeScore(opts *judgeScoreOptions) error {
	items, err := readSampleFile(opts.Sample)
	if err != nil {
		return err
	}
	var names []string
	var js []judge.Judgements
	for _, path := range opts.Judgments {
		j, err := readJudgementFile(path)
		if err != nil {
			return err
		}
		names = append(names, strings.TrimSuffix(filepath.Base(path), ".tsv"))
		js = append(js, j)
	}
	return judge.Score(items, names, js).Write(opts.Out)
}

type judgeCarryOptions struct {
	Streams
	From, Judged, To string
}

func newCmdJudgeCarry(s Streams) *cobra.Command {
	opts := &judgeCarryOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "carry --from OLD.tsv --judged OLD-JUDGED.tsv --to NEW.tsv",
		Short: "Copy judgements to a new sample's items that say the same thing",
		Long: `Carry writes, for a new sample, the judgements an earlier sample's items
got, wherever a new item says the same thing (same document, sentence,
subject, predicate, object and polarity). A judge then marks only the rest,
so two versions of the extractor are compared on the same facts.`,
		Example: `  kgraph eval judge carry --from old.tsv --judged old.judge-a.tsv --to new.tsv > new.judge-a.carried.tsv`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runJudgeCarry(opts)
		},
	}
	cmd.Flags().StringVar(&opts.From, "from", "", "the earlier sample")
	cmd.Flags().StringVar(&opts.Judged, "judged", "", "judgements of the earlier sample")
	cmd.Flags().StringVar(&opts.To, "to", "", "the new sample")
	for _, f := range []string{"from", "judged", "to"} {
		cmd.MarkFlagRequired(f)
	}
	return cmd
}

func readSampleFile(path string) ([]judge.Item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	items, err := judge.ReadSample(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return items, nil
}

func readJudgementFile(path string) (judge.Judgements, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	j, err := judge.ReadJudgements(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return j, nil
}

func runJudgeCarry(opts *judgeCarryOptions) error {
	old, err := readSampleFile(opts.From)
	if err != nil {
		return err
	}
	oldJ, err := readJudgementFile(opts.Judged)
	if err != nil {
		return err
	}
	sample, err := readSampleFile(opts.To)
	if err != nil {
		return err
	}
	carried := judge.Carry(old, oldJ, sample)
	w := bufio.NewWriter(opts.Out)
	for _, it := range sample {
		if m, ok := carried[it.ID]; ok {
			fmt.Fprintf(w, "%d\t%c\n", it.ID, m)
		}
	}
	fmt.Fprintf(opts.Err, "%d of %d items carried\n", len(carried), len(sample))
	return w.Flush()
}
