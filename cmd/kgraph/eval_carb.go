package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/kgraph/kgraph/eval/carb"
)

type evalCarbOptions struct {
	Streams
	Gold        string
	Pred        string
	SingleMatch bool
	Curve       string
}

// NewCmdEvalCarb returns `kgraph eval carb`.
func NewCmdEvalCarb(s Streams) *cobra.Command {
	opts := &evalCarbOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "carb --gold GOLD.tsv --pred PRED.tabbed",
		Short: "Score extractions with the CaRB benchmark's scorer",
		Long: `Carb scores open information extractions against CaRB gold tuples exactly as
the CaRB scorer does (the lenient tuple matcher, the precision–recall curve
over confidence thresholds, its area and the best F1), and prints the
scorer's own summary line. --single-match scores one-to-one, which does not
let one long extraction count for several gold tuples.`,
		Example: `  kgraph extract --format carb --lines ../shared/bench/carb/dev-sentences.txt > dev.tabbed
  kgraph eval carb --gold ../shared/bench/carb/dev-gold.tsv --pred dev.tabbed
  kgraph eval carb --gold ../shared/bench/carb/dev-gold.tsv --pred dev.tabbed --single-match --curve dev-curve`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEvalCarb(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Gold, "gold", "", "gold tuples: sentence<TAB>relation<TAB>arg1<TAB>arg2…")
	cmd.Flags().StringVar(&opts.Pred, "pred", "", "extractions: sentence<TAB>confidence<TAB>relation<TAB>arg1…")
	cmd.Flags().BoolVar(&opts.SingleMatch, "single-match", false, "one-to-one matching for recall as well as precision")
	cmd.Flags().StringVar(&opts.Curve, "curve", "", "write the precision–recall curve to PREFIX.tsv and PREFIX.svg")
	cmd.MarkFlagRequired("gold")
	cmd.MarkFlagRequired("pred")
	return cmd
}

func runEvalCarb(opts *evalCarbOptions) error {
	gold, err := carb.ReadGoldFile(opts.Gold)
	if err != nil {
		return err
	}
	pred, err := carb.ReadTabbedFile(opts.Pred)
	if err != nil {
		return err
	}
	res := carb.Score(gold, pred, carb.Options{SingleMatch: opts.SingleMatch})
	if _, err := fmt.Fprintln(opts.Out, res.Line()); err != nil {
		return err
	}
	if opts.Curve == "" {
		return nil
	}
	if err := writeOutput(opts.Curve+".tsv", nil, func(w io.Writer) error { return res.WriteCurveTSV(w) }); err != nil {
		return err
	}
	return writeOutput(opts.Curve+".svg", nil, func(w io.Writer) error { return res.WriteCurveSVG(w) })
}
