package cn.fasheng.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.stereotype.Component;

/**
 * Chinese word segmentation (Lucene smartcn) at write time: a published item keeps the distinct words of its
 * title, summary, body, tags and topics in an indexed array, and a query matches items holding all its words.
 */
@Component
public class SearchTerms {

    private final Analyzer analyzer = new SmartChineseAnalyzer();

    public List<String> of(String... texts) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                terms.addAll(segment(text));
            }
        }
        return new ArrayList<>(terms);
    }

    /** The words of a query, in order, without repeats; empty when it holds only punctuation or stop words. */
    public List<String> query(String text) {
        return text == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(segment(text)));
    }

    private List<String> segment(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
