package io.lambdoku.core.release;

import io.lambdoku.core.lambda.LambdaLimits;
import java.util.List;

/** Release messages that name config vars ("Set A, B", "Seal A (sealed)"), shared by config:set and the sealing. */
public final class Descriptions {

    private Descriptions() {
    }

    /** "Set A, B" — cut to Lambda's 256-character version description, as Heroku would summarise it; {@code suffix} survives the cut. */
    public static String naming(String verb, List<String> keys, String suffix) {
        String text = verb + String.join(", ", keys) + suffix;
        if (text.length() <= LambdaLimits.MAX_DESCRIPTION) {
            return text;
        }
        String more = " and more (" + keys.size() + " vars)" + suffix;
        return text.substring(0, LambdaLimits.MAX_DESCRIPTION - more.length()) + more;
    }
}
