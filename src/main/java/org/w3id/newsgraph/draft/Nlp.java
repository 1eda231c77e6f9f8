package org.w3id.newsgraph.draft;

import java.io.IOException;
import java.io.InputStream;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Sentences, tokens and parts of speech from Apache OpenNLP's English models (Universal
 * Dependencies, the Maven artifacts {@code opennlp-models-*-en}). The models are read when this
 * class is first used, so commands that do not draft never load them. Not thread-safe (OpenNLP's
 * tools are not): one instance per thread.
 */
final class Nlp {
  private static final String SENTENCES = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
  private static final String TOKENS = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
  private static final String POS = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

  private final SentenceDetectorME sentences;
  private final TokenizerME tokenizer;
  private final POSTaggerME tagger;

  Nlp() {
    try {
      sentences = new SentenceDetectorME(new SentenceModel(open(SENTENCES)));
      tokenizer = new TokenizerME(new TokenizerModel(open(TOKENS)));
      tagger = new POSTaggerME(new POSModel(open(POS)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the OpenNLP models: " + e.getMessage(), e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = Nlp.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("OpenNLP model " + resource + " is not on the class path");
    }
    return in;
  }

  /** The sentences of a paragraph, as character spans. */
  Span[] sentences(String paragraph) {
    return sentences.sentPosDetect(paragraph);
  }

  /** The tokens of a sentence, as character spans. */
  Span[] tokens(String sentence) {
    return tokenizer.tokenizePos(sentence);
  }

  /** Universal Dependencies part-of-speech tags of tokens. */
  String[] tags(String[] tokens) {
    return tagger.tag(tokens);
  }
}
